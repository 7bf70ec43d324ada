import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, decodeJwt } from 'jose';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER } from '../jwt-defaults';
import { JwtVerifier } from '../jwt-verifier';
import { signDevToken } from './dev-token';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe(signDevToken.name, () => {
  it('signs a token the default verifier accepts', async () => {
    const verifier = JwtVerifier.create({
      key: { kind: 'pem', pem: publicPem },
      issuer: DEFAULT_JWT_ISSUER,
      audience: DEFAULT_JWT_AUDIENCE,
    });
    const token = await signDevToken(
      { role: 'integrator', clinicIds: [CLINIC], scopes: ['events:read'], subject: 'crm' },
      privatePem,
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'crm',
      role: 'integrator',
      clinicIds: [CLINIC],
      scopes: ['events:read'],
    });
  });

  it('uses RS256 with a key id, and expires after the ttl', async () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const token = await signDevToken({ role: 'head_office_admin', ttl: '15m', now }, privateKey);
    expect(decodeProtectedHeader(token)).toMatchObject({
      alg: 'RS256',
      typ: 'JWT',
      kid: expect.any(String),
    });
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims).toMatchObject({
      sub: 'dev-head_office_admin',
      iss: DEFAULT_JWT_ISSUER,
      aud: DEFAULT_JWT_AUDIENCE,
    });
  });

  it('refuses claims the verifier would reject', async () => {
    await expect(signDevToken({ role: 'clinic_manager' }, privatePem)).rejects.toThrow(
      'cannot sign a development token: a clinic_manager token needs at least one clinic id',
    );
  });

  it('refuses a ttl it cannot read or longer than 30 days', async () => {
    await expect(
      signDevToken({ role: 'clinical_lead', ttl: 'forever' }, privatePem),
    ).rejects.toThrow('ttl "forever" is not a duration');
    await expect(signDevToken({ role: 'clinical_lead', ttl: '31d' }, privatePem)).rejects.toThrow(
      'between 1s and 30d',
    );
  });
});

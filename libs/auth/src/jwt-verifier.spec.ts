import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createLocalJWKSet, exportJWK, type JWTPayload } from 'jose';
import { AuthConfigError, AuthError } from './auth.errors';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER } from './jwt-defaults';
import { JwtVerifier, bearerToken } from './jwt-verifier';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const NOW = new Date('2026-03-02T10:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

const managerClaims: JWTPayload = { sub: 'user-1', role: 'clinic_manager', clinic_ids: [CLINIC] };

interface TokenOptions {
  readonly claims?: JWTPayload;
  readonly key?: KeyObject;
  readonly issuer?: string;
  readonly audience?: string;
  readonly expiresAt?: number | null;
  readonly notBefore?: number;
  readonly kid?: string;
}

async function token(options: TokenOptions = {}): Promise<string> {
  const jwt = new SignJWT(options.claims ?? managerClaims)
    .setProtectedHeader({
      alg: 'RS256',
      ...(options.kid === undefined ? {} : { kid: options.kid }),
    })
    .setIssuer(options.issuer ?? DEFAULT_JWT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_JWT_AUDIENCE)
    .setIssuedAt(nowSeconds - 60);
  if (options.expiresAt !== null) {
    jwt.setExpirationTime(options.expiresAt ?? nowSeconds + 3_600);
  }
  if (options.notBefore !== undefined) {
    jwt.setNotBefore(options.notBefore);
  }
  return jwt.sign(options.key ?? privateKey);
}

function verifier(
  key: Parameters<typeof JwtVerifier.create>[0]['key'] = { kind: 'pem', pem: publicPem },
): JwtVerifier {
  return JwtVerifier.create({
    key,
    issuer: DEFAULT_JWT_ISSUER,
    audience: DEFAULT_JWT_AUDIENCE,
    now: () => NOW,
  });
}

async function rejectionOf(work: Promise<unknown>): Promise<AuthError> {
  try {
    await work;
  } catch (error: unknown) {
    if (error instanceof AuthError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe(JwtVerifier.name, () => {
  it('returns the caller of a valid RS256 token', async () => {
    await expect(verifier().verify(await token())).resolves.toEqual({
      subject: 'user-1',
      role: 'clinic_manager',
      clinicIds: [CLINIC],
      scopes: [],
    });
  });

  it('rejects an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const forged = await new SignJWT(managerClaims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(DEFAULT_JWT_ISSUER)
      .setAudience(DEFAULT_JWT_AUDIENCE)
      .setExpirationTime(nowSeconds + 3_600)
      .sign(new TextEncoder().encode(publicPem));
    const error = await rejectionOf(verifier().verify(forged));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.reason).toBe('the token is signed with "HS256"; only RS256 is accepted');
  });

  it('rejects an unsigned token (alg none)', async () => {
    const payload = {
      ...managerClaims,
      iss: DEFAULT_JWT_ISSUER,
      aud: DEFAULT_JWT_AUDIENCE,
      exp: nowSeconds + 3_600,
    };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(payload)}.`;
    const error = await rejectionOf(verifier().verify(unsigned));
    expect(error.reason).toBe('the token is signed with "none"; only RS256 is accepted');
  });

  it('rejects a token from another issuer, naming both', async () => {
    const error = await rejectionOf(
      verifier().verify(await token({ issuer: 'https://evil.example/' })),
    );
    expect(error.reason).toBe(
      `the token issuer "https://evil.example/" is not the expected "${DEFAULT_JWT_ISSUER}"`,
    );
  });

  it('rejects a token for another audience', async () => {
    const error = await rejectionOf(verifier().verify(await token({ audience: 'billing' })));
    expect(error.reason).toBe(
      `the token audience "billing" does not include "${DEFAULT_JWT_AUDIENCE}"`,
    );
  });

  it('rejects an expired token, saying when it expired', async () => {
    const error = await rejectionOf(verifier().verify(await token({ expiresAt: nowSeconds - 60 })));
    expect(error.reason).toBe('the token expired at 2026-03-02T09:59:00.000Z; get a fresh one');
  });

  it('tolerates a few seconds of clock skew on expiry', async () => {
    await expect(
      verifier().verify(await token({ expiresAt: nowSeconds - 2 })),
    ).resolves.toMatchObject({
      subject: 'user-1',
    });
  });

  it('rejects a token without an expiry', async () => {
    const error = await rejectionOf(verifier().verify(await token({ expiresAt: null })));
    expect(error.reason).toBe('the token has no `exp` claim');
  });

  it('rejects a token that is not valid yet', async () => {
    const error = await rejectionOf(
      verifier().verify(await token({ notBefore: nowSeconds + 600 })),
    );
    expect(error.reason).toBe('the token is not valid yet until 2026-03-02T10:10:00.000Z');
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await token()).split('.');
    const altered = base64url({
      ...managerClaims,
      role: 'head_office_admin',
      iss: DEFAULT_JWT_ISSUER,
      aud: DEFAULT_JWT_AUDIENCE,
      exp: nowSeconds + 3_600,
    });
    const error = await rejectionOf(verifier().verify(`${header}.${altered}.${signature}`));
    expect(error.reason).toContain('signature does not verify');
  });

  it('rejects a token signed by another key', async () => {
    const error = await rejectionOf(verifier().verify(await token({ key: stranger.privateKey })));
    expect(error.reason).toContain('signature does not verify');
  });

  it('rejects a token without a subject', async () => {
    const error = await rejectionOf(
      verifier().verify(await token({ claims: { role: 'head_office_admin' } })),
    );
    expect(error.reason).toBe('the token has no `sub` claim');
  });

  it('rejects a token whose role claim is missing', async () => {
    const error = await rejectionOf(verifier().verify(await token({ claims: { sub: 'u' } })));
    expect(error.reason).toContain('`role` is missing');
  });

  it('rejects garbage, saying the token is malformed', async () => {
    const error = await rejectionOf(verifier().verify('not-a-jwt'));
    expect(error.reason).toMatch(/^the token is malformed/);
  });

  it('reads the token from an Authorization header', async () => {
    await expect(
      verifier().verifyAuthorizationHeader(`Bearer ${await token()}`),
    ).resolves.toMatchObject({ role: 'clinic_manager' });
  });

  it('tells a caller without a header how to get a token', async () => {
    const error = await rejectionOf(verifier().verifyAuthorizationHeader(undefined));
    expect(error.message).toBe(
      'the request has no Authorization header. Send the header `Authorization: Bearer <token>`; ' +
        'for development get a token with `npm run token -- --role <role> --clinic <clinic-uuid>`.',
    );
  });

  describe('with a key set', () => {
    it('verifies a token whose kid is in a local JWKS', async () => {
      const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] };
      const fromSet = verifier({ kind: 'keySet', getKey: createLocalJWKSet(jwks) });
      await expect(fromSet.verify(await token({ kid: 'k1' }))).resolves.toMatchObject({
        subject: 'user-1',
      });
      const error = await rejectionOf(fromSet.verify(await token({ kid: 'unknown' })));
      expect(error.reason).toBe("no published signing key matches the token's `kid`");
    });

    it('fetches the keys from a JWKS URL', async () => {
      const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] };
      const server: Server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(jwks));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const remote = verifier({
          kind: 'jwks',
          url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        });
        await expect(remote.verify(await token({ kid: 'k1' }))).resolves.toMatchObject({
          role: 'clinic_manager',
        });
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });

    it('reports an unreachable JWKS URL as a server fault, not as a bad token', async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const remote = verifier({ kind: 'jwks', url: `http://127.0.0.1:${port}/jwks.json` });
      const outcome = remote.verify(await token({ kid: 'k1' }));
      await expect(outcome).rejects.not.toBeInstanceOf(AuthError);
      await expect(outcome).rejects.toThrow(
        `could not load the signing keys from http://127.0.0.1:${port}/jwks.json`,
      );
    });
  });

  describe('configuration', () => {
    const base = { issuer: DEFAULT_JWT_ISSUER, audience: DEFAULT_JWT_AUDIENCE, now: () => NOW };

    it('refuses a private key where the public key belongs', () => {
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      expect(() => JwtVerifier.create({ ...base, key: { kind: 'pem', pem } })).toThrow(
        new AuthConfigError(
          'JWT_PUBLIC_KEY',
          'holds a private key; give the RSA public key (PEM) instead',
        ),
      );
    });

    it('refuses text that is not a PEM key, naming the variable it came from', () => {
      expect(() =>
        JwtVerifier.create({
          ...base,
          key: { kind: 'pem', pem: 'hello', variable: 'JWT_PUBLIC_KEY_FILE' },
        }),
      ).toThrow(/^JWT_PUBLIC_KEY_FILE: expected an RSA public key in PEM form/);
    });

    it('reads the public key from a file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jwt-key-'));
      try {
        writeFileSync(join(dir, 'public.pem'), publicPem);
        const fromFile = JwtVerifier.create({
          ...base,
          key: { kind: 'file', path: join(dir, 'public.pem') },
        });
        await expect(fromFile.verify(await token())).resolves.toMatchObject({ subject: 'user-1' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('names JWT_PUBLIC_KEY_FILE when the key file cannot be read', () => {
      expect(() =>
        JwtVerifier.create({ ...base, key: { kind: 'file', path: '/nonexistent/key.pem' } }),
      ).toThrow(/^JWT_PUBLIC_KEY_FILE: could not read the public key file \/nonexistent\/key.pem/);
    });

    it('accepts a PEM written on one line with \\n separators, as env files carry it', async () => {
      const oneLine = publicPem.trim().replace(/\n/g, '\\n');
      const fromEnv = JwtVerifier.create({ ...base, key: { kind: 'pem', pem: oneLine } });
      await expect(fromEnv.verify(await token())).resolves.toMatchObject({ subject: 'user-1' });
    });

    it('refuses a non-RSA key', () => {
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
      const pem = ec.export({ type: 'spki', format: 'pem' }).toString();
      expect(() => JwtVerifier.create({ ...base, key: { kind: 'pem', pem } })).toThrow(
        'expected an RSA public key for RS256, got a ec key',
      );
    });

    it('refuses a plain-http JWKS URL that is not on this machine', () => {
      expect(() =>
        JwtVerifier.create({ ...base, key: { kind: 'jwks', url: 'http://idp.example/jwks' } }),
      ).toThrow(/^JWT_JWKS_URL: expected an https:\/\/ URL/);
    });

    it('refuses an empty issuer', () => {
      expect(() =>
        JwtVerifier.create({ ...base, issuer: ' ', key: { kind: 'pem', pem: publicPem } }),
      ).toThrow(/^JWT_ISSUER:/);
    });
  });
});

describe(bearerToken.name, () => {
  it('takes the token after a case-insensitive Bearer scheme', () => {
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('rejects another scheme, naming it', () => {
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(
      'the Authorization header uses the "Basic" scheme; expected "Bearer"',
    );
  });

  it('rejects a Bearer header without a token', () => {
    expect(() => bearerToken('Bearer')).toThrow('has no token after "Bearer"');
  });

  it('rejects two Authorization headers', () => {
    expect(() => bearerToken(['Bearer a', 'Bearer b'])).toThrow(
      'more than one Authorization header',
    );
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfigFromEnv } from './auth-config';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER } from './jwt-defaults';

const publicPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

describe(authConfigFromEnv.name, () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'auth-config-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('uses the development issuer and audience when they are not set', () => {
    expect(authConfigFromEnv({ JWT_PUBLIC_KEY: publicPem })).toMatchObject({
      issuer: DEFAULT_JWT_ISSUER,
      audience: DEFAULT_JWT_AUDIENCE,
      clockToleranceSeconds: 5,
    });
  });

  it('takes the PEM from JWT_PUBLIC_KEY', () => {
    expect(authConfigFromEnv({ JWT_PUBLIC_KEY: publicPem }).key).toEqual({
      kind: 'pem',
      pem: publicPem,
      variable: 'JWT_PUBLIC_KEY',
    });
  });

  it('takes the key file from JWT_PUBLIC_KEY_FILE', () => {
    expect(authConfigFromEnv({ JWT_PUBLIC_KEY_FILE: '/etc/keys/idp.pem' }).key).toEqual({
      kind: 'file',
      path: '/etc/keys/idp.pem',
      variable: 'JWT_PUBLIC_KEY_FILE',
    });
  });

  it('takes a JWKS URL', () => {
    expect(authConfigFromEnv({ JWT_JWKS_URL: 'https://id.example/jwks.json' }).key).toEqual({
      kind: 'jwks',
      url: 'https://id.example/jwks.json',
      variable: 'JWT_JWKS_URL',
    });
  });

  it('refuses two key sources at once, naming both', () => {
    expect(() =>
      authConfigFromEnv({
        JWT_PUBLIC_KEY: publicPem,
        JWT_JWKS_URL: 'https://id.example/jwks.json',
      }),
    ).toThrow('JWT_PUBLIC_KEY and JWT_JWKS_URL: set only one of');
  });

  it('falls back to the development public key outside production', () => {
    mkdirSync(join(dir, '.local/keys'), { recursive: true });
    writeFileSync(join(dir, '.local/keys/jwt-public.pem'), publicPem);
    expect(authConfigFromEnv({}, { cwd: dir }).key).toMatchObject({
      kind: 'file',
      path: join(dir, '.local/keys/jwt-public.pem'),
    });
  });

  it('says how to create the development key when it is missing', () => {
    expect(() => authConfigFromEnv({}, { cwd: dir })).toThrow(
      'npm run token -- --role head_office_admin',
    );
  });

  it('requires a key source in production', () => {
    mkdirSync(join(dir, '.local/keys'), { recursive: true });
    writeFileSync(join(dir, '.local/keys/jwt-public.pem'), publicPem);
    expect(() => authConfigFromEnv({ NODE_ENV: 'production' }, { cwd: dir })).toThrow(
      /^JWT_PUBLIC_KEY: in production set/,
    );
  });

  it('refuses a clock tolerance that is not a small whole number', () => {
    expect(() =>
      authConfigFromEnv({ JWT_PUBLIC_KEY: publicPem, JWT_CLOCK_TOLERANCE_SECONDS: '5m' }),
    ).toThrow(/^JWT_CLOCK_TOLERANCE_SECONDS: expected a whole number of seconds/);
  });
});

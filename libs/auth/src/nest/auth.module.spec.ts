import { generateKeyPairSync } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER } from '../jwt-defaults';
import { JwtVerifier } from '../jwt-verifier';
import { AuthModule } from './auth.module';
import { GqlAuthGuard } from './gql-auth.guard';

const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

describe(AuthModule.name, () => {
  it('provides the verifier and installs the guard globally', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AuthModule.forRoot({
          key: { kind: 'pem', pem },
          issuer: DEFAULT_JWT_ISSUER,
          audience: DEFAULT_JWT_AUDIENCE,
        }),
      ],
    }).compile();
    expect(moduleRef.get(JwtVerifier)).toBeInstanceOf(JwtVerifier);
    const dynamic = AuthModule.forRoot({ key: { kind: 'pem', pem }, issuer: 'i', audience: 'a' });
    expect(dynamic.providers).toContainEqual({ provide: APP_GUARD, useClass: GqlAuthGuard });
    await moduleRef.close();
  });

  it('stops the app at boot when the options are invalid, naming the variable', async () => {
    await expect(
      Test.createTestingModule({
        imports: [
          AuthModule.forRoot({
            key: { kind: 'pem', pem: 'not a key' },
            issuer: 'i',
            audience: 'a',
          }),
        ],
      }).compile(),
    ).rejects.toThrow(/^JWT_PUBLIC_KEY: expected an RSA public key/);
  });
});

import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { authConfigFromEnv, type AuthEnv } from '../auth-config';
import { JwtVerifier, type JwtVerifierOptions } from '../jwt-verifier';
import { GqlAuthGuard } from './gql-auth.guard';

/**
 * Provides the `JwtVerifier` and installs `GqlAuthGuard` as a global guard, so every
 * resolver needs a valid token unless marked `@Public()`. The options are validated when
 * the app boots; a bad value stops it with an `AuthConfigError` naming the variable.
 */
@Module({})
export class AuthModule {
  static forRoot(options: JwtVerifierOptions): DynamicModule {
    return AuthModule.withVerifier(() => JwtVerifier.create(options));
  }

  /** Reads `JWT_*` from `env` (default `process.env`); see `authConfigFromEnv`. */
  static forRootFromEnv(env: AuthEnv = process.env): DynamicModule {
    return AuthModule.withVerifier(() => JwtVerifier.create(authConfigFromEnv(env)));
  }

  private static withVerifier(create: () => JwtVerifier): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: JwtVerifier, useFactory: create },
        { provide: APP_GUARD, useClass: GqlAuthGuard },
      ],
      exports: [JwtVerifier],
    };
  }
}

// Identity: verifying callers' JWTs, the Caller model, clinic scoping, the Nest edge, and
// development keys/tokens. See caller.ts for the claims and auth-config.ts for variables.
export * from './roles';
export type { Caller } from './caller';
export * from './caller-claims';
export * from './auth.errors';
export * from './jwt-defaults';
export * from './jwt-verifier';
export * from './auth-config';
export * from './clinic-scope';
export * from './caller-actor';
export { isUuid } from './uuid';

export * from './dev/dev-key-pair';
export * from './dev/dev-token';
export * from './dev/duration';
export * from './dev/token-args';

export * from './nest/public.decorator';
export * from './nest/roles.decorator';
export * from './nest/current-caller.decorator';
export * from './nest/authorize-access';
export * from './nest/auth-request';
export * from './nest/gql-auth.guard';
export * from './nest/auth.module';

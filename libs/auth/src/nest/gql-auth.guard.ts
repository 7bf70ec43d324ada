import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { setCurrentActor } from '@app/observability/request-context';
import { AuthError } from '../auth.errors';
import { actorFromCaller } from '../caller-actor';
import { JwtVerifier } from '../jwt-verifier';
import type { Role } from '../roles';
import { authRequestFrom, guardedTransport, transportError } from './auth-request';
import { authorizeAccess } from './authorize-access';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/**
 * The global guard (registered as `APP_GUARD` by `AuthModule`). For every GraphQL resolver
 * and HTTP handler not marked `@Public()`, verifies the `Authorization: Bearer` token, checks
 * `@Roles(...)`, and attaches the `Caller` to the request (`req.caller`) for
 * `@CurrentCaller()`. Failures are `GraphQLError`s with `extensions.code` `UNAUTHENTICATED`
 * or `FORBIDDEN` (HTTP handlers get 401/403). Other transports pass: Kafka handlers carry
 * the actor in the event envelope.
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const transport = guardedTransport(context);
    if (transport === undefined) {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets);
    const requiredRoles =
      this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets) ?? [];
    const request = authRequestFrom(context);
    try {
      const caller = await authorizeAccess(
        {
          isPublic: isPublic === true,
          requiredRoles,
          authorization: request?.headers?.authorization,
          ...(request?.caller === undefined ? {} : { knownCaller: request.caller }),
        },
        this.verifier,
      );
      if (caller !== undefined && request !== undefined) {
        request.caller = caller;
      }
      if (caller !== undefined) {
        setCurrentActor(actorFromCaller(caller));
      }
      return true;
    } catch (error: unknown) {
      if (error instanceof AuthError) {
        throw transportError(error, transport);
      }
      throw error;
    }
  }
}

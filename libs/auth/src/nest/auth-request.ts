import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ForbiddenException, UnauthorizedException, type HttpException } from '@nestjs/common';
import type { AuthError } from '../auth.errors';
import type { Caller } from '../caller';

/** The part of an HTTP request (Express or GraphQL `context.req`) the auth edge uses. */
export interface AuthRequest {
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  caller?: Caller;
}

/** The transports the guard checks; others (Kafka handlers) carry identity in the envelope. */
export type GuardedTransport = 'graphql' | 'http';

export function guardedTransport(context: ExecutionContext): GuardedTransport | undefined {
  const type = context.getType<GqlContextType>();
  return type === 'graphql' || type === 'http' ? type : undefined;
}

/**
 * The request behind a GraphQL resolver (`context.req`, as Nest's Apollo drivers provide by
 * default) or an HTTP handler. Undefined when the GraphQL context carries no `req`.
 */
export function authRequestFrom(context: ExecutionContext): AuthRequest | undefined {
  if (context.getType<GqlContextType>() === 'graphql') {
    const graphqlContext: unknown = GqlExecutionContext.create(context).getContext();
    if (isObject(graphqlContext) && isObject(graphqlContext.req)) {
      return graphqlContext.req;
    }
    // A federation reference resolver is called as (reference, context, info): the context
    // is the second argument, not the third as for ordinary resolvers.
    const referenceContext: unknown = context.getArgByIndex(1);
    if (isObject(referenceContext) && isObject(referenceContext.req)) {
      return referenceContext.req;
    }
    return undefined;
  }
  const request: unknown = context.switchToHttp().getRequest();
  return isObject(request) ? request : undefined;
}

/** `AuthError` as the transport shows it: a GraphQL error with `extensions.code`, or 401/403. */
export function transportError(
  error: AuthError,
  transport: GuardedTransport,
): GraphQLError | HttpException {
  if (transport === 'graphql') {
    return new GraphQLError(error.message, { extensions: { code: error.code } });
  }
  const body = { code: error.code, message: error.message };
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return new UnauthorizedException(body);
    case 'FORBIDDEN':
      return new ForbiddenException(body);
    default: {
      const unreachable: never = error.code;
      throw new Error(`unknown auth error code ${String(unreachable)}`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

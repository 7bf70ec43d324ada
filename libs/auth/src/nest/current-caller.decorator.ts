import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { AuthError } from '../auth.errors';
import type { Caller } from '../caller';
import { authRequestFrom, guardedTransport, transportError } from './auth-request';

/**
 * The verified caller of this request. Throws `UNAUTHENTICATED` when there is none (the
 * operation is `@Public()` or the guard did not run), so a resolver never sees a fake caller.
 */
export function currentCallerOf(context: ExecutionContext): Caller {
  const caller = authRequestFrom(context)?.caller;
  if (caller === undefined) {
    const error = AuthError.unauthenticated('this operation needs a signed-in caller');
    throw transportError(error, guardedTransport(context) ?? 'http');
  }
  return caller;
}

/** Parameter decorator: `list(@CurrentCaller() caller: Caller)`. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  currentCallerOf(context),
);

import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, correlationIdFrom, runWithContext } from '../request-context';

/**
 * Express middleware: takes the caller's `x-correlation-id` (or mints one), echoes it on the
 * response and runs the rest of the request inside runWithContext, so resolvers, services,
 * outbox rows and every log line see the same id.
 *
 * Register it before anything that logs: `app.use(correlationIdMiddleware)` in main.ts, or
 * the Nest class below via `consumer.apply(CorrelationIdMiddleware).forRoutes('*')`.
 */
export function correlationIdMiddleware(
  request: Request,
  response: Response,
  next: NextFunction,
): void {
  const correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
  response.setHeader(CORRELATION_HEADER, correlationId);
  runWithContext({ correlationId }, () => next());
}

/** The same as {@link correlationIdMiddleware}, as a Nest middleware class. */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware<Request, Response> {
  use(request: Request, response: Response, next: NextFunction): void {
    correlationIdMiddleware(request, response, next);
  }
}

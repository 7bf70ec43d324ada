import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PlatformMetrics } from './platform-metrics';

/**
 * Times every HTTP request into `http_request_duration_seconds{method, route, status}`.
 * The route label is the matched route pattern (or the mount path, e.g. /graphql), never
 * the raw URL, so ids in paths cannot explode the number of series.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<Request, Response> {
  constructor(private readonly metrics: PlatformMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.observeHttpRequest(
        request.method,
        routeOf(request),
        response.statusCode,
        seconds,
      );
    });
    next();
  }
}

function routeOf(request: Request): string {
  const route: unknown = request.route;
  if (
    typeof route === 'object' &&
    route !== null &&
    'path' in route &&
    typeof route.path === 'string'
  ) {
    return `${request.baseUrl}${route.path}`;
  }
  return request.baseUrl === '' ? 'unmatched' : request.baseUrl;
}

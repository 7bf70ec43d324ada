import {
  Global,
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { GraphqlMetricsPlugin } from './graphql-metrics.plugin';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { PlatformMetrics, type PlatformMetricsOptions } from './platform-metrics';

/**
 * Serves `GET /metrics`, times every HTTP and GraphQL request, and makes PlatformMetrics
 * injectable everywhere. Pass options to create the registry here, or an instance created in
 * main.ts when code outside Nest's container records to it too.
 *
 *   MetricsModule.forRoot({ service: 'booking' })
 */
@Global()
@Module({})
export class MetricsModule implements NestModule {
  static forRoot(metrics: PlatformMetrics | PlatformMetricsOptions): DynamicModule {
    const instance = metrics instanceof PlatformMetrics ? metrics : new PlatformMetrics(metrics);
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: PlatformMetrics, useValue: instance },
        GraphqlMetricsPlugin,
        HttpMetricsMiddleware,
      ],
      exports: [PlatformMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}

export * from './request-context';

export * from './logging/create-logger';
export * from './logging/log-context.mixin';
export * from './logging/logger.module';
export * from './logging/pino-nest-logger';
export * from './logging/platform-logger.token';

export * from './correlation/correlation-id.middleware';

export * from './metrics/graphql-metrics.plugin';
export * from './metrics/http-metrics.middleware';
export * from './metrics/metrics.controller';
export * from './metrics/metrics.module';
export * from './metrics/platform-metrics';

export * from './health/database-readiness.check';
export * from './health/evaluate-readiness';
export * from './health/health.controller';
export * from './health/health.module';
export * from './health/readiness-check';
export * from './health/readiness-registry';

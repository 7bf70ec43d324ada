export * from './platform.tokens';
export * from './service-definition';
export * from './service-platform.module';
export * from './bootstrap-service';
export * from './errors/domain-error';
export * from './errors/forbidden.error';
export * from './errors/graphql-error-mapper';
export * from './errors/domain-error.filter';

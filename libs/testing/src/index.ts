export * from './dedicated-kafka';
export * from './docker-engine';
export * from './test-database';
export * from './test-infra';
export * from './test-infra-selection';

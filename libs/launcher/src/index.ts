export * from './app-process';
export * from './demo-data';
export * from './demo-network';
export * from './graphql-client';
export * from './migrate-all';
export * from './platform-launcher';
export * from './service-definitions';
export * from './wait-until-ready';

export * from './app-process';
export * from './migrate-all';
export * from './platform-launcher';
export * from './service-definitions';
export * from './wait-until-ready';
export * from './demo-data';
export * from './graphql-client';

export * from './topics';
export * from './envelope';
export * from './event-definition';
export * from './event-catalogue';
export * from './events/roster.events';
export * from './asyncapi';

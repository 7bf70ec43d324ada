/** Injection tokens the platform module provides to every service's contexts. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
export const TRANSACTIONS = Symbol('TRANSACTIONS');
export const EVENT_CONSUMER = Symbol('EVENT_CONSUMER');
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');

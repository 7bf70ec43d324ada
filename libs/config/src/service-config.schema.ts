import { PORT_VARIABLE, SERVICE_DATABASE, type ServiceName } from './app-names';
import {
  COMMON_VARIABLES,
  JWT_VARIABLES,
  commonConfigFrom,
  jwtKeySourceRule,
  type CommonConfig,
} from './common-config';
import { defineConfigSchema, type ConfigSchema } from './config-schema';
import { databaseUrlFor } from './database-url';

/** The configuration of one domain service (therapist-roster, booking, client-record, notification). */
export interface ServiceConfig extends CommonConfig {
  readonly service: ServiceName;
  readonly port: number;
  readonly database: {
    /** DATABASE_URL as given: the server, no database. */
    readonly serverUrl: string;
    /** This service's own database, e.g. `roster` for therapist-roster. */
    readonly name: string;
    /** serverUrl with the database name appended: what TypeORM connects to. */
    readonly url: string;
  };
  readonly kafka: { readonly brokers: readonly string[]; readonly clientId: string };
  readonly outbox: { readonly pollIntervalMs: number };
  readonly consumer: { readonly maxRetries: number; readonly retryBaseMs: number };
}

/**
 * The environment schema of a domain service. Use in the app's config.ts:
 * `export const config = loadConfigOrExit(serviceConfigSchema('booking'));`
 */
export function serviceConfigSchema(service: ServiceName): ConfigSchema<ServiceConfig> {
  const portVariable = PORT_VARIABLE[service];
  return defineConfigSchema({
    appName: service,
    variables: [
      ...COMMON_VARIABLES,
      ...JWT_VARIABLES,
      portVariable,
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'KAFKA_CLIENT_ID',
      'OUTBOX_POLL_INTERVAL_MS',
      'CONSUMER_MAX_RETRIES',
      'CONSUMER_RETRY_BASE_MS',
    ],
    rules: [jwtKeySourceRule],
    build: (values) => {
      const databaseName = SERVICE_DATABASE[service];
      return {
        ...commonConfigFrom(values),
        service,
        port: values[portVariable],
        database: {
          serverUrl: values.DATABASE_URL,
          name: databaseName,
          url: databaseUrlFor(values.DATABASE_URL, databaseName),
        },
        kafka: { brokers: values.KAFKA_BROKERS, clientId: values.KAFKA_CLIENT_ID },
        outbox: { pollIntervalMs: values.OUTBOX_POLL_INTERVAL_MS },
        consumer: {
          maxRetries: values.CONSUMER_MAX_RETRIES,
          retryBaseMs: values.CONSUMER_RETRY_BASE_MS,
        },
      };
    },
  });
}

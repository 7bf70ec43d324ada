import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  DevTokenRequest,
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
  ensureDevKeyPair,
  signDevToken,
} from '@app/auth';
import { ServiceConfig } from '@app/config';
import { EventData, EventDefinition, EventEnvelope } from '@app/contracts';
import { createServiceDataSource, runMigrations } from '@app/database';
import {
  headersFor,
  IncomingMessage,
  KafkaJsMessageBus,
  MessageBus,
  OutboxRelay,
  Subscription,
} from '@app/messaging';
import { createLogger } from '@app/observability';
import { createTestDatabase, TestDatabase, testInfra } from '@app/testing';
import { OUTBOX_RELAY } from '../platform.tokens';
import { ServiceModuleFactory } from '../bootstrap-service';
import { ServiceDefinition } from '../service-definition';

export interface GraphqlResult<T> {
  readonly data?: T | null;
  readonly errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/**
 * One service, booted in-process as in production (its module, the shared platform, real
 * PostgreSQL and Kafka), on a database of its own, for integration tests:
 *
 *   const app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot);
 *   const res = await app.gql('{ clinics { id } }', {}, await app.token({ role: 'head_office_admin' }));
 *   const event = await app.nextEvent('clinic.opened', (e) => e.aggregateId === id);
 */
export interface ServiceTestApp {
  readonly url: string;
  readonly dataSource: DataSource;
  token(request: DevTokenRequest): Promise<string>;
  gql<T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResult<T>>;
  /** Waits for an event this service published (on any platform topic it was told to watch). */
  event(
    type: string,
    match: (event: EventEnvelope) => boolean,
    timeoutMs?: number,
  ): Promise<EventEnvelope>;
  /** Every event seen so far that matches. */
  events(match: (event: EventEnvelope) => boolean): EventEnvelope[];
  /** Publishes all pending outbox rows now. */
  flushOutbox(): Promise<void>;
  /**
   * Publishes an event as another service would (validated against its schema), for tests
   * of this service's consumers; returns the envelope sent.
   */
  publish<D extends EventDefinition>(
    definition: D,
    event: {
      readonly aggregateId: string;
      readonly clinicId: string | null;
      readonly data: EventData<D>;
    },
  ): Promise<EventEnvelope<EventData<D>>>;
  close(): Promise<void>;
}

export async function startServiceTestApp(
  definition: ServiceDefinition,
  moduleFor: ServiceModuleFactory,
  options: { readonly watchTopics: readonly string[] },
): Promise<ServiceTestApp> {
  const infra = testInfra();
  const database: TestDatabase = await createTestDatabase(definition.name.replace(/-/g, '_'));
  await runMigrations(
    createServiceDataSource({
      url: database.url,
      entities: definition.entities,
      migrations: definition.migrations,
      applicationName: `${definition.name}-test-migrate`,
    }),
  );
  const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'service-test-keys-')));
  const config: ServiceConfig = {
    service: definition.name,
    nodeEnv: 'test',
    port: 0,
    log: { level: 'warn', format: 'json' },
    jwt: {
      key: { kind: 'pem', pem: keys.publicKeyPem },
      issuer: DEFAULT_JWT_ISSUER,
      audience: DEFAULT_JWT_AUDIENCE,
      clockToleranceSeconds: 5,
    },
    database: { serverUrl: infra.databaseUrl, name: database.name, url: database.url },
    kafka: { brokers: infra.kafkaBrokers, clientId: `${definition.name}-test` },
    outbox: { pollIntervalMs: 200 },
    consumer: { maxRetries: 2, retryBaseMs: 20 },
  };
  const logger = createLogger({ service: definition.name, level: 'warn', format: 'json' });
  const app: INestApplication = await NestFactory.create(moduleFor(config, logger), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}/graphql`;

  const bus: MessageBus = new KafkaJsMessageBus({
    brokers: infra.kafkaBrokers,
    clientId: 'service-test-recorder',
  });
  const seen: EventEnvelope[] = [];
  const subscription: Subscription = await bus.subscribe({
    groupId: `service-test-${randomUUID()}`,
    topics: options.watchTopics,
    // From the beginning: a group that joins after the first publish would miss it
    // otherwise. Other suites' events on the shared topics are filtered out by `match`.
    fromBeginning: true,
    handler: async (message: IncomingMessage) => {
      if (message.value !== null) {
        seen.push(JSON.parse(message.value) as EventEnvelope);
      }
    },
  });

  const relay = app.get<OutboxRelay>(OUTBOX_RELAY);
  return {
    url,
    dataSource: app.get(DataSource),
    token: (request) => signDevToken(request, keys.privateKeyPem),
    gql: async <T>(query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResult<T>;
    },
    event: async (type, match, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = seen.find((event) => event.type === type && match(event));
        if (found !== undefined) {
          return found;
        }
        if (Date.now() > deadline) {
          throw new Error(
            `no ${type} event within ${timeoutMs} ms (saw: ${seen.map((e) => e.type).join(', ') || 'none'})`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    events: (match) => seen.filter(match),
    flushOutbox: () => relay.flush(),
    publish: async (definition, event) => {
      const envelope = {
        eventId: randomUUID(),
        type: definition.type,
        schemaVersion: definition.version,
        occurredAt: new Date().toISOString(),
        clinicId: event.clinicId,
        aggregateId: event.aggregateId,
        correlationId: randomUUID(),
        causationId: null,
        actor: { type: 'system' as const, id: 'service-test' },
        data: definition.schema.parse(event.data) as typeof event.data,
      };
      await bus.publish(definition.topic, [
        {
          key: envelope.aggregateId,
          value: JSON.stringify(envelope),
          headers: headersFor(envelope),
        },
      ]);
      return envelope;
    },
    close: async () => {
      await subscription.stop();
      await bus.close();
      await app.close();
      await database.drop();
    },
  };
}

import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuthModule, Public } from '@app/auth';
import { ServiceConfig } from '@app/config';
import { serviceDataSourceOptions, Tx } from '@app/database';
import {
  EventConsumer,
  KafkaJsMessageBus,
  MessageBus,
  OutboxRelay,
  OutboxWriter,
  TransactionRunner,
  typeormTransactions,
} from '@app/messaging';
import {
  CorrelationIdMiddleware,
  DatabaseReadinessCheck,
  HealthController,
  HealthModule,
  LoggerModule,
  MetricsController,
  MetricsModule,
  PlatformMetrics,
} from '@app/observability';
import { DomainErrorFilter } from './errors/domain-error.filter';
import { HealthResolver } from './graphql/health.resolver';
import { KafkaReadinessCheck } from './messaging/kafka-readiness.check';
import { MessagingLifecycle } from './messaging/messaging-lifecycle';
import {
  EVENT_CONSUMER,
  MESSAGE_BUS,
  OUTBOX_RELAY,
  SERVICE_CONFIG,
  TRANSACTIONS,
} from './platform.tokens';
import { ServiceDefinition } from './service-definition';
import { StrictDateTimeScalar } from './graphql/date-time.scalar';

// Probes and scrapers call these without a token; every GraphQL operation but `health` needs one.
Public()(HealthController);
Public()(MetricsController);

/**
 * Everything a domain service shares: its database (migrations only), Kafka behind the
 * messaging interface, outbox relay and idempotent consumer, token verification on every
 * resolver, the federation subgraph, health, metrics and structured logs. A service's own
 * module imports this once and adds only its bounded contexts.
 */
@Global()
@Module({})
export class ServicePlatformModule implements NestModule {
  static forService(
    definition: ServiceDefinition,
    config: ServiceConfig,
    logger: Logger,
  ): DynamicModule {
    const metrics = new PlatformMetrics({ service: definition.name });
    const bus: MessageBus = new KafkaJsMessageBus({
      brokers: config.kafka.brokers,
      clientId: config.kafka.clientId,
      log: logger.child({ component: 'kafka' }),
    });
    return {
      module: ServicePlatformModule,
      imports: [
        LoggerModule.forRoot(logger),
        MetricsModule.forRoot(metrics),
        TypeOrmModule.forRoot({
          ...serviceDataSourceOptions({
            url: config.database.url,
            entities: definition.entities,
            migrations: definition.migrations,
            applicationName: definition.name,
            role: definition.databaseRole,
          }),
          retryAttempts: 10,
          retryDelay: 1_000,
        }),
        AuthModule.forRoot({ ...config.jwt }),
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2 },
          buildSchemaOptions: { orphanedTypes: definition.orphanedTypes ?? [] },
          // Entity references and field resolvers are guarded and error-mapped like root
          // fields (Nest skips both by default); the guard verifies the token once a request.
          fieldResolverEnhancers: ['guards', 'filters'],
          sortSchema: true,
          playground: false,
          introspection: true,
          // Federated tracing is for Apollo's hosted studio, which this platform does not use.
          plugins: [ApolloServerPluginInlineTraceDisabled()],
        }),
        HealthModule.forRoot({
          checks: [DatabaseReadinessCheck, KafkaReadinessCheck],
        }),
      ],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        // DateTime for every subgraph: a date-time without an offset is refused, not guessed.
        StrictDateTimeScalar,
        { provide: MESSAGE_BUS, useValue: bus },
        { provide: OutboxWriter, useValue: new OutboxWriter() },
        {
          provide: TRANSACTIONS,
          useFactory: (dataSource: DataSource): TransactionRunner<Tx> =>
            typeormTransactions(dataSource),
          inject: [getDataSourceToken()],
        },
        {
          provide: EVENT_CONSUMER,
          useFactory: (transactions: TransactionRunner<Tx>) =>
            new EventConsumer<Tx>({
              bus,
              transactions,
              groupId: definition.name,
              maxRetries: config.consumer.maxRetries,
              retryBaseMs: config.consumer.retryBaseMs,
              log: logger.child({ component: 'event-consumer' }),
              metrics,
              // Crash-only: a consumer that cannot go on takes the process down, and the
              // supervisor (npm start, Kubernetes) restarts it from the last committed offset.
              onFatal: (error) => {
                logger.fatal({ err: error }, 'event consumer stopped for good; exiting');
                process.exit(1);
              },
            }),
          inject: [TRANSACTIONS],
        },
        {
          provide: OUTBOX_RELAY,
          useFactory: () =>
            new OutboxRelay({
              databaseUrl: config.database.url,
              bus,
              pollIntervalMs: config.outbox.pollIntervalMs,
              log: logger.child({ component: 'outbox-relay' }),
              metrics,
            }),
        },
        KafkaReadinessCheck,
        MessagingLifecycle,
        HealthResolver,
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
      exports: [
        SERVICE_CONFIG,
        MESSAGE_BUS,
        OutboxWriter,
        TRANSACTIONS,
        EVENT_CONSUMER,
        OUTBOX_RELAY,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*');
  }
}

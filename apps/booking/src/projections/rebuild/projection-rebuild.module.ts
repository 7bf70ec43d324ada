import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { serviceDataSourceOptions, Tx } from '@app/database';
import { KafkaJsMessageBus, MessageBus, MessagingLog } from '@app/messaging';
import { EVENT_CONSUMER, MESSAGE_BUS } from '@app/platform/platform.tokens';
import { bookingDefinition } from '../../booking.definition';
import { ClinicProjectionModule } from '../../clinics/clinic-projection.module';
import { ProjectionsModule } from '../projections.module';
import { EventReplayer } from './event-replayer';
import { ProjectionRebuildRepository } from './projection-rebuild.repository';
import { ProjectionRebuildService } from './projection-rebuild.service';

export interface ProjectionRebuildModuleOptions {
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly kafkaClientId: string;
  readonly log?: MessagingLog;
}

/**
 * Booking's projection contexts without the running service: no GraphQL server, no outbox
 * relay, no live consumer. EVENT_CONSUMER is an EventReplayer, so the very consumers of the
 * service register their handlers for the replay.
 */
@Global()
@Module({})
export class ProjectionRebuildModule implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  static forRoot(options: ProjectionRebuildModuleOptions): DynamicModule {
    const bus = new KafkaJsMessageBus({
      brokers: options.kafkaBrokers,
      clientId: options.kafkaClientId,
      log: options.log,
    });
    const dataSource = serviceDataSourceOptions({
      url: options.databaseUrl,
      entities: bookingDefinition.entities,
      migrations: bookingDefinition.migrations,
      applicationName: 'booking-rebuild-projections',
    });
    return {
      module: ProjectionRebuildModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSource,
          // A one-shot command: report an unreachable database after a few seconds, not 30,
          // also when the host drops packets (no TCP answer at all).
          extra: { ...dataSource.extra, connectionTimeoutMillis: 3_000 },
          retryAttempts: 2,
          retryDelay: 1_000,
        }),
        ClinicProjectionModule,
        ProjectionsModule,
      ],
      providers: [
        { provide: EVENT_CONSUMER, useValue: new EventReplayer<Tx>() },
        { provide: MESSAGE_BUS, useValue: bus },
        ProjectionRebuildRepository,
        ProjectionRebuildService,
      ],
      exports: [EVENT_CONSUMER, MESSAGE_BUS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

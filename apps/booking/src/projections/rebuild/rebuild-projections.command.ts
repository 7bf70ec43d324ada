import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, serviceConfigSchema } from '@app/config';
import { createLogger } from '@app/observability';
import { bookingDefinition } from '../../booking.definition';
import type { TopicReplayCounts } from './event-replayer';
import { ProjectionRebuildModule } from './projection-rebuild.module';
import { ProjectionRebuildService } from './projection-rebuild.service';
import { rebuildFailureMessage } from './rebuild-failure';

/**
 * `node dist/apps/booking/src/main.js rebuild-projections`: empties booking's projection tables
 * and replays roster.events.v1 and client-record.events.v1 from the beginning into them,
 * up to the end offsets read when it starts, in one transaction. Logs progress per topic;
 * exits 1 if the rebuild could not complete (the projection is then left as it was), and
 * exits explicitly either way, so no Kafka or pool handle keeps a one-shot command alive.
 */
export async function rebuildProjectionsCommand(): Promise<void> {
  const config = loadConfigOrExit(serviceConfigSchema(bookingDefinition.name));
  const logger = createLogger({
    service: bookingDefinition.name,
    level: config.log.level,
    format: config.log.format,
  });
  const summary = (counts: readonly TopicReplayCounts[]): Record<string, string> =>
    Object.fromEntries(
      counts.map((topic) => [
        topic.topic,
        `${topic.applied} applied, ${topic.ignored} not for projections, ${topic.duplicates} duplicates, ` +
          `${topic.invalid} invalid, ${topic.failed} failed (of ${topic.total})`,
      ]),
    );
  const targets = { databaseUrl: config.database.url, kafkaBrokers: config.kafka.brokers };
  try {
    logger.info(
      { database: config.database.name, kafkaBrokers: config.kafka.brokers },
      'connecting to the booking database and Kafka',
    );
    const app = await NestFactory.createApplicationContext(
      ProjectionRebuildModule.forRoot({
        ...targets,
        kafkaClientId: `${config.kafka.clientId}-rebuild`,
        log: logger.child({ component: 'kafka' }),
      }),
      // abortOnError false: a failure to start (e.g. no database) reaches the catch below and
      // is logged, instead of Nest exiting silently (its own logger is off).
      { logger: false, abortOnError: false },
    );
    try {
      const started = Date.now();
      logger.info('rebuilding projections from roster and client-record events');
      const report = await app.get(ProjectionRebuildService).rebuild({
        onProgress: (counts) => logger.info({ topics: summary(counts) }, 'replaying'),
      });
      for (const failure of report.failures) {
        logger.warn(
          { ...failure },
          'event skipped: its handler failed (the live consumer dead-letters it too)',
        );
      }
      logger.info(
        {
          topics: summary(report.topics),
          tables: report.tables,
          groupId: report.groupId,
          seconds: (Date.now() - started) / 1000,
        },
        'projections rebuilt',
      );
    } finally {
      await app.close();
    }
  } catch (error) {
    logger.fatal(
      { err: error },
      `projection rebuild failed, the projections are unchanged: ${rebuildFailureMessage(error, targets)}`,
    );
    process.exit(1);
  }
  process.exit(0);
}

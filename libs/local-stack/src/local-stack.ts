import { ensureDatabases, redactUrl } from './ensure-databases';
import { parseKafkaBrokers } from './kafka-brokers';
import { KafkaServer } from './kafka-server';
import { LogSink, stderrLogSink } from './log-sink';
import { PostgresServer } from './postgres-server';
import { findRepoRoot } from './repo-root';
import { SERVICE_DATABASES } from './service-databases';

export interface LocalStackOptions {
  /** Repository root. Default: found from this file. */
  readonly rootDir?: string;
  /**
   * Instance name for the data folders `.local/postgres/<name>` and `.local/kafka/<name>`.
   * Default `dev`.
   */
  readonly name?: string;
  /** Read DATABASE_URL and KAFKA_BROKERS from here unless given below. Default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Use this PostgreSQL server instead of the embedded one. */
  readonly databaseUrl?: string;
  /** Use these brokers instead of starting Kafka. */
  readonly kafkaBrokers?: readonly string[];
  /** Databases created on start when missing. Default: one per service. */
  readonly databases?: readonly string[];
  /** Start the embedded PostgreSQL from an empty cluster (tests). Default false: data persists. */
  readonly freshDatabase?: boolean;
  /** fsync off for the embedded PostgreSQL (tests). Default false. */
  readonly relaxedDurability?: boolean;
  readonly kafkaHeap?: string;
  readonly log?: LogSink;
}

export interface LocalStack {
  /** Superuser URL of the maintenance database; see databaseUrlFor for per-service URLs. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  /** The broker this stack started (absent when KAFKA_BROKERS was given). */
  readonly kafka?: KafkaServer;
  /** The PostgreSQL this stack started (absent when DATABASE_URL was given). */
  readonly postgres?: PostgresServer;
  /** Stops what this stack started (clean stop, then SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** Synchronous SIGKILL of everything started (second Ctrl-C). */
  kill(): void;
}

/**
 * PostgreSQL and Kafka for development and tests, without Docker: the servers named by
 * DATABASE_URL / KAFKA_BROKERS when set, otherwise an embedded PostgreSQL and an Apache
 * Kafka broker (KRaft) started here on free loopback ports. Creates one database per
 * service. Both start in parallel; if one fails, the other is stopped again.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const log = options.log ?? stderrLogSink;
  const rootDir = options.rootDir ?? findRepoRoot();
  const name = options.name ?? 'dev';
  const givenDatabaseUrl = options.databaseUrl ?? nonEmpty(env.DATABASE_URL);
  const givenBrokersText = nonEmpty(env.KAFKA_BROKERS);
  const givenBrokers =
    options.kafkaBrokers !== undefined
      ? [...options.kafkaBrokers]
      : givenBrokersText !== undefined
        ? parseKafkaBrokers(givenBrokersText)
        : undefined;

  const postgres =
    givenDatabaseUrl === undefined
      ? new PostgresServer({
          rootDir,
          name,
          fresh: options.freshDatabase,
          relaxedDurability: options.relaxedDurability,
          log,
        })
      : undefined;
  const kafka =
    givenBrokers === undefined
      ? new KafkaServer({ rootDir, name, heap: options.kafkaHeap, log })
      : undefined;

  if (givenDatabaseUrl !== undefined) {
    log(`[postgres] using DATABASE_URL ${redactUrl(givenDatabaseUrl)}`);
  }
  if (givenBrokers !== undefined) {
    log(`[kafka] using KAFKA_BROKERS ${givenBrokers.join(',')}`);
  }

  const stopStarted = async (): Promise<void> => {
    const results = await Promise.allSettled([kafka?.stop(), postgres?.stop()]);
    const failures = results.filter(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((failure): unknown => failure.reason),
        'stopping the local stack failed',
      );
    }
  };

  const startResults = await Promise.allSettled([
    (async (): Promise<string> => {
      const url = givenDatabaseUrl ?? (await startPostgres(postgres));
      const created = await ensureDatabases(url, options.databases ?? SERVICE_DATABASES);
      if (created.length > 0) {
        log(`[postgres] created databases: ${created.join(', ')}`);
      }
      return url;
    })(),
    kafka?.start(),
  ]);
  const failure = startResults.find(
    (result): result is PromiseRejectedResult => result.status === 'rejected',
  );
  const [databaseResult] = startResults;
  if (failure || databaseResult.status !== 'fulfilled') {
    await stopStarted().catch(() => undefined);
    throw failure?.reason;
  }

  return {
    databaseUrl: databaseResult.value,
    kafkaBrokers: givenBrokers ?? kafka?.brokers ?? [],
    kafka,
    postgres,
    stop: stopStarted,
    kill: () => {
      kafka?.kill();
      postgres?.kill();
    },
  };
}

async function startPostgres(postgres: PostgresServer | undefined): Promise<string> {
  if (!postgres) {
    throw new Error('unreachable: no DATABASE_URL and no embedded PostgreSQL');
  }
  await postgres.start();
  return postgres.url;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

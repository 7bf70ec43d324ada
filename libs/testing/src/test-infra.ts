import { databaseUrlFor, parseKafkaBrokers } from '@app/local-stack';

export interface TestInfra {
  /** Superuser URL of the `postgres` database on the test server. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
  /** The URL of `database` (e.g. `booking`) on the test server. */
  databaseUrlOf(database: string): string;
}

/** The PostgreSQL and Kafka the Jest global setup provided (read from the worker's env). */
export function testInfra(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TestInfra {
  const databaseUrl = env.DATABASE_URL;
  const brokers = env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers) {
    throw new Error(
      'DATABASE_URL / KAFKA_BROKERS are not set: run integration tests through Jest ' +
        '(`npx jest --selectProjects integration`), whose global setup provides them.',
    );
  }
  return {
    databaseUrl,
    kafkaBrokers: parseKafkaBrokers(brokers),
    databaseUrlOf: (database) => databaseUrlFor(databaseUrl, database),
  };
}

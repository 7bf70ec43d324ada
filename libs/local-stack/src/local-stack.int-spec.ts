import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { startDedicatedKafka, testInfra } from '@app/testing';
import { databaseUrlFor } from './database-url';
import { ensureDatabases } from './ensure-databases';
import { KafkaServer } from './kafka-server';
import { probeKafkaMetadata } from './kafka-metadata-probe';
import { startLocalStack } from './local-stack';
import { silentLogSink } from './log-sink';
import { PostgresServer } from './postgres-server';
import { SERVICE_DATABASES } from './service-databases';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    return result.rows as T[];
  } finally {
    await client.end();
  }
}

describe(KafkaServer.name, () => {
  let kafka: KafkaServer;

  beforeAll(async () => {
    kafka = await startDedicatedKafka({ log: silentLogSink });
  });

  afterAll(async () => {
    await kafka.destroy();
  });

  it('answers a Kafka Metadata request with itself, stops refusing connections, and restarts on the same port', async () => {
    const port = kafka.port ?? 0;
    await expect(probeKafkaMetadata('127.0.0.1', port)).resolves.toEqual([
      { nodeId: 1, host: '127.0.0.1', port },
    ]);

    await kafka.stop();
    expect(kafka.isRunning).toBe(false);
    await expect(probeKafkaMetadata('127.0.0.1', port)).rejects.toThrow(/ECONNREFUSED/);

    await kafka.start();
    expect(kafka.port).toBe(port);
    await expect(probeKafkaMetadata('127.0.0.1', port)).resolves.toHaveLength(1);
  });
});

describe(PostgresServer.name, () => {
  const postgres = new PostgresServer({
    name: `test-dedicated-${process.pid}-postgres`,
    fresh: true,
    relaxedDurability: true,
    log: silentLogSink,
  });

  afterAll(async () => {
    await postgres.destroy();
  });

  it('runs a fresh cluster and keeps its port and data across a restart', async () => {
    await postgres.start();
    const url = postgres.url;
    await query(url, 'CREATE TABLE survivor (note text); INSERT INTO survivor VALUES ($$kept$$)');

    await postgres.stop();
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

    await postgres.start();
    expect(postgres.url).toBe(url);
    await expect(query<{ note: string }>(url, 'SELECT note FROM survivor')).resolves.toEqual([
      { note: 'kept' },
    ]);
  });

  it('runs the server as a user other than root, which PostgreSQL refuses to run as', () => {
    const status = readFileSync(`/proc/${String(postgres.pid)}/status`, 'utf8');
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
    expect(uid).not.toBe(0);
    expect(uid).toBe(process.getuid?.() === 0 ? uid : process.getuid?.());
  });
});

describe(ensureDatabases.name, () => {
  it('finds one database per service created by the test set-up', async () => {
    const rows = await query<{ datname: string }>(
      testInfra().databaseUrl,
      'SELECT datname FROM pg_database',
    );
    expect(rows.map((row) => row.datname)).toEqual(expect.arrayContaining([...SERVICE_DATABASES]));
  });

  it('creates a missing database once and leaves it alone afterwards', async () => {
    const { databaseUrl } = testInfra();
    const name = `ensure_${randomBytes(4).toString('hex')}`;
    try {
      await expect(ensureDatabases(databaseUrl, [name, 'booking'])).resolves.toEqual([name]);
      await expect(ensureDatabases(databaseUrl, [name])).resolves.toEqual([]);
      await expect(
        query(databaseUrlFor(databaseUrl, name), 'SELECT current_database() AS db'),
      ).resolves.toEqual([{ db: name }]);
    } finally {
      await query(databaseUrl, `DROP DATABASE IF EXISTS ${name}`);
    }
  });
});

describe(startLocalStack.name, () => {
  it('starts nothing when DATABASE_URL and KAFKA_BROKERS name running servers', async () => {
    const { databaseUrl, kafkaBrokers } = testInfra();
    const stack = await startLocalStack({
      env: { DATABASE_URL: databaseUrl, KAFKA_BROKERS: kafkaBrokers.join(',') },
      log: silentLogSink,
    });
    try {
      expect(stack.databaseUrl).toBe(databaseUrl);
      expect(stack.kafkaBrokers).toEqual(kafkaBrokers);
      expect(stack.kafka).toBeUndefined();
      expect(stack.postgres).toBeUndefined();
    } finally {
      await stack.stop();
    }
  });
});

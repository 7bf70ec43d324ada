import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrlFor, ensureDatabases } from '@app/local-stack';
import { testInfra } from './test-infra';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Drops the database (terminating its connections). */
  drop(): Promise<void>;
}

/**
 * A new, empty database with a unique name (`<prefix>_<random>`) on the test server, so
 * that suites running in parallel workers never share tables.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const { databaseUrl } = testInfra();
  const name = `${prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  await ensureDatabases(databaseUrl, [name]);
  return {
    name,
    url: databaseUrlFor(databaseUrl, name),
    drop: async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

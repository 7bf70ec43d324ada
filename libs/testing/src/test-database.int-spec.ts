import { Client } from 'pg';
import { createTestDatabase } from './test-database';
import { testInfra } from './test-infra';

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: testInfra().databaseUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe(createTestDatabase.name, () => {
  it('creates an empty database of its own that a client can use, and drops it even while connected', async () => {
    const database = await createTestDatabase('Outbox Suite');
    expect(database.name).toMatch(/^outbox_suite_[0-9a-f]{8}$/);
    const client = new Client({ connectionString: database.url });
    client.on('error', () => undefined);
    await client.connect();
    await expect(client.query('SELECT current_database() AS name')).resolves.toMatchObject({
      rows: [{ name: database.name }],
    });

    await database.drop();
    await client.end().catch(() => undefined);
    await expect(databaseExists(database.name)).resolves.toBe(false);
  });
});

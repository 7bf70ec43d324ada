import { DataSource } from 'typeorm';
import { DatabaseReadinessCheck } from './database-readiness.check';

function databaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (url === undefined || url === '') {
    throw new Error(
      'DATABASE_URL is not set: run integration tests through `npm run test:integration`',
    );
  }
  return url;
}

describe(DatabaseReadinessCheck.name, () => {
  it('passes against a live PostgreSQL and fails once the connection is closed', async () => {
    const dataSource = new DataSource({ type: 'postgres', url: databaseUrl() });
    await dataSource.initialize();
    const check = new DatabaseReadinessCheck(dataSource);

    try {
      await expect(check.check()).resolves.toBeUndefined();
    } finally {
      await dataSource.destroy();
    }

    await expect(check.check()).rejects.toThrow(/not initialised/);
  });
});

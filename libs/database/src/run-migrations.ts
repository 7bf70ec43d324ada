import { DataSource } from 'typeorm';

const MIGRATION_LOCK_KEY = 7268533;

/** Applies pending migrations, one transaction each; returns the names it applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const initialized = dataSource.isInitialized;
  if (!initialized) {
    await dataSource.initialize();
  }
  // Serialise concurrent runs (two replicas starting at once) on one database. The lock is
  // held on one dedicated connection so the unlock happens on the same session.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    if (!initialized) {
      await dataSource.destroy();
    }
  }
}

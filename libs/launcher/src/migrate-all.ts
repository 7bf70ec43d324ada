import { databaseUrlFor, SERVICE_DATABASE, SERVICE_NAMES } from '@app/config';
import { createServiceDataSource, runMigrations } from '@app/database';
import { SERVICE_DEFINITIONS } from './service-definitions';

/** Applies every service's pending migrations to its own database, one service at a time. */
export async function migrateAll(serverUrl: string, log: (line: string) => void): Promise<void> {
  for (const name of SERVICE_NAMES) {
    const definition = SERVICE_DEFINITIONS[name];
    const applied = await runMigrations(
      createServiceDataSource({
        url: databaseUrlFor(serverUrl, SERVICE_DATABASE[name]),
        entities: definition.entities,
        migrations: definition.migrations,
        applicationName: `${name}-migrate`,
      }),
    );
    log(
      `[migrate] ${name}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}`,
    );
  }
}

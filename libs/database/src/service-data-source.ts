import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  readonly url: string;
  // TypeORM's own option types: classes of entities and migrations, listed explicitly.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function | string>;
  readonly applicationName: string;
  /** A role every pooled connection assumes at connect (PostgreSQL's `-c role=...`). */
  readonly role?: string;
}

/**
 * One service's connection to its own database. Schema changes are migrations only:
 * `synchronize` stays off, and migrations are listed as classes (no globs), so the same
 * list works from TypeScript in tests and from the compiled app.
 */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName,
    extra: {
      max: 10,
      ...(options.role === undefined
        ? {}
        : { options: `-c role=${requireRoleName(options.role)}` }),
    },
  };
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}

function requireRoleName(role: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) {
    throw new Error(`database role "${role}" must be a plain lower-case identifier`);
  }
  return role;
}

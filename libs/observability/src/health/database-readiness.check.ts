import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReadinessCheck } from './readiness-check';

/** The slice of a TypeORM DataSource the check uses. */
export type QueryableDataSource = Pick<DataSource, 'isInitialized' | 'query'>;

/**
 * Ready when the app's TypeORM DataSource is connected and answers `SELECT 1`.
 * Injects the default DataSource that TypeOrmModule.forRoot provides.
 */
@Injectable()
export class DatabaseReadinessCheck implements ReadinessCheck {
  readonly name = 'database';

  constructor(@Inject(DataSource) private readonly dataSource: QueryableDataSource) {}

  async check(): Promise<void> {
    if (!this.dataSource.isInitialized) {
      throw new Error('the database connection is not initialised (yet)');
    }
    await this.dataSource.query('SELECT 1');
  }
}

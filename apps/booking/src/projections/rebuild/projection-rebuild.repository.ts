import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import { REBUILT_PROJECTION_ENTITIES } from '../projection-entities';

@Injectable()
export class ProjectionRebuildRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction that starts by emptying every projection table. TRUNCATE
   * holds an exclusive lock until commit: readers and the live consumer wait, then see the
   * rebuilt state at once; a failure rolls back to the projection as it was.
   */
  async inEmptiedProjection<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`TRUNCATE ${this.tables().join(', ')}`);
      return work(tx);
    });
  }

  tables(): string[] {
    return REBUILT_PROJECTION_ENTITIES.map(
      (entity) => this.dataSource.getMetadata(entity).tableName,
    );
  }
}

import { DataSource, EntityManager } from 'typeorm';
import { TransactionRunner } from './sql';

/** Runs outbox/inbox work and the caller's state change in one TypeORM transaction. */
export function typeormTransactions(dataSource: DataSource): TransactionRunner<EntityManager> {
  return { run: (work) => dataSource.transaction((manager) => work(manager)) };
}

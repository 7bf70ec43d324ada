import type { EntityManager } from 'typeorm';

/**
 * The transaction handle services pass from `Transactions.run` to repositories and to the
 * outbox writer. Services name it; only repositories use its TypeORM API.
 */
export type Tx = EntityManager;

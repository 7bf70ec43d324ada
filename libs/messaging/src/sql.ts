/** The slice of a database connection the outbox and inbox need (a TypeORM EntityManager fits). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Runs work in one database transaction: commits when it resolves, rolls back when it throws. */
export interface TransactionRunner<Tx extends SqlRunner = SqlRunner> {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

import { DatabaseReadinessCheck, type QueryableDataSource } from './database-readiness.check';

class FakeDataSource implements QueryableDataSource {
  readonly queries: string[] = [];

  constructor(
    readonly isInitialized: boolean,
    private readonly failure?: Error,
  ) {}

  query<T>(sql: string): Promise<T> {
    this.queries.push(sql);
    return this.failure === undefined ? Promise.resolve([] as T) : Promise.reject(this.failure);
  }
}

describe(DatabaseReadinessCheck.name, () => {
  it('passes when the database answers SELECT 1', async () => {
    const dataSource = new FakeDataSource(true);

    await new DatabaseReadinessCheck(dataSource).check();

    expect(dataSource.queries).toEqual(['SELECT 1']);
  });

  it('fails with the driver error when the query fails', async () => {
    const check = new DatabaseReadinessCheck(
      new FakeDataSource(true, new Error('connect ECONNREFUSED')),
    );

    await expect(check.check()).rejects.toThrow('connect ECONNREFUSED');
  });

  it('fails without querying while the connection is not initialised', async () => {
    const dataSource = new FakeDataSource(false);

    await expect(new DatabaseReadinessCheck(dataSource).check()).rejects.toThrow(/not initialised/);
    expect(dataSource.queries).toEqual([]);
  });
});

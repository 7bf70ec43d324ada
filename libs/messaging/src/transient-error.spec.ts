import { isTransientError } from './transient-error';

describe(isTransientError.name, () => {
  it('treats a refused or dropped connection as transient', () => {
    expect(
      isTransientError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('looks inside the driver error TypeORM wraps', () => {
    const wrapped = Object.assign(new Error('query failed'), {
      driverError: {
        code: '57P01',
        message: 'terminating connection due to administrator command',
      },
    });
    expect(isTransientError(wrapped)).toBe(true);
  });

  it('treats deadlocks, serialization failures and SQLSTATE class 08 as transient', () => {
    expect(isTransientError({ code: '40P01' })).toBe(true);
    expect(isTransientError({ code: '40001' })).toBe(true);
    expect(isTransientError({ code: '08006' })).toBe(true);
  });

  it('does not retry forever on a bug or bad data', () => {
    expect(isTransientError(new Error('cannot apply entry 7: ledger is closed'))).toBe(false);
    expect(
      isTransientError({
        code: '23505',
        message: 'duplicate key value violates unique constraint',
      }),
    ).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });
});

import { databaseUrlFor } from './database-url';

describe(databaseUrlFor.name, () => {
  it('swaps the database and keeps credentials, host, port and query', () => {
    expect(
      databaseUrlFor(
        'postgres://app:s3cret@db.local:5433/postgres?sslmode=require',
        'client_record',
      ),
    ).toBe('postgres://app:s3cret@db.local:5433/client_record?sslmode=require');
  });

  it('adds the database to a URL without one', () => {
    expect(databaseUrlFor('postgresql://app@127.0.0.1:5432', 'booking')).toBe(
      'postgresql://app@127.0.0.1:5432/booking',
    );
  });

  it('rejects a URL of another scheme', () => {
    expect(() => databaseUrlFor('mysql://app@127.0.0.1/x', 'booking')).toThrow(
      'is not a PostgreSQL URL scheme',
    );
  });
});

import { databaseUrlFor } from './database-url';

describe(databaseUrlFor.name, () => {
  it('appends the database name to a server URL without one', () => {
    expect(databaseUrlFor('postgres://postgres@127.0.0.1:5432', 'booking')).toBe(
      'postgres://postgres@127.0.0.1:5432/booking',
    );
  });

  it('replaces an existing database and keeps credentials and parameters', () => {
    expect(databaseUrlFor('postgres://u:p@db:6432/postgres?sslmode=require', 'client_record')).toBe(
      'postgres://u:p@db:6432/client_record?sslmode=require',
    );
  });
});

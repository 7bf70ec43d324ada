import { LocalStackError } from './local-stack.error';

/**
 * The URL of `database` on the server of `baseUrl`: same credentials, host, port and query
 * (e.g. `?sslmode=require`), another path. `postgres://u:p@h:5432/postgres` + `booking`
 * → `postgres://u:p@h:5432/booking`.
 */
export function databaseUrlFor(baseUrl: string, database: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new LocalStackError(
      `"${baseUrl}" is not a PostgreSQL URL: expected postgres://user:password@host:port/database.`,
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new LocalStackError(
      `"${url.protocol}" is not a PostgreSQL URL scheme: expected postgres://user:password@host:port/database.`,
    );
  }
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

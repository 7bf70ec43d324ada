/**
 * The URL of one database on a server URL: the server URL's path (if any) is replaced by
 * the database name; credentials and query parameters (e.g. `?sslmode=require`) are kept.
 */
export function databaseUrlFor(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

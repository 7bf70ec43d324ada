/** The URL of one service's database on the server named by a base DATABASE_URL. */
export function serviceDatabaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

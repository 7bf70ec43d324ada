import { Client } from 'pg';
import { LocalStackError } from './local-stack.error';

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** duplicate_database, and the unique violation two concurrent CREATE DATABASE can raise. */
const ALREADY_EXISTS = new Set(['42P04', '23505']);

/**
 * Creates each of `names` on the server of `adminUrl` (a URL of a database that exists,
 * e.g. `postgres`, as a user allowed to CREATE DATABASE) unless it exists already.
 * Returns the names it created.
 */
export async function ensureDatabases(
  adminUrl: string,
  names: readonly string[],
): Promise<string[]> {
  for (const name of names) {
    if (!DATABASE_NAME.test(name)) {
      throw new LocalStackError(
        `"${name}" is not a valid database name: use lower-case letters, digits and _.`,
      );
    }
  }
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LocalStackError(
      `Could not connect to PostgreSQL at ${redactUrl(adminUrl)} (${reason}): check DATABASE_URL, or unset it to ` +
        `use the embedded PostgreSQL.`,
      { cause: error },
    );
  }
  try {
    const existing = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = ANY($1::text[])',
      [names],
    );
    const present = new Set(existing.rows.map((row) => row.datname));
    const created: string[] = [];
    for (const name of names.filter((candidate) => !present.has(candidate))) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        created.push(name);
      } catch (error: unknown) {
        const code = error instanceof Error && 'code' in error ? error.code : undefined;
        if (typeof code !== 'string' || !ALREADY_EXISTS.has(code)) {
          throw error;
        }
      }
    }
    return created;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

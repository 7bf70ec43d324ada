import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeyPair, signDevToken, DevTokenRequest } from '@app/auth';
import { APP_NAMES, AppName } from '@app/config';
import { LaunchedPlatform, launchPlatform } from '@app/launcher';
import { findFreePort, findRepoRoot } from '@app/local-stack';

export interface RunningPlatform {
  readonly gatewayUrl: string;
  readonly ports: Readonly<Record<AppName, number>>;
  /** Every JSON log line each app printed so far. */
  logs(app: AppName): Record<string, unknown>[];
  token(request: DevTokenRequest): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts every app from dist/ (run `npm run build` first; `npm test` does) against the
 * PostgreSQL and Kafka the Jest global setup provided, on free ports, with its own keys.
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<RunningPlatform> {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (databaseUrl === undefined || brokers === undefined) {
    throw new Error(
      'DATABASE_URL and KAFKA_BROKERS are not set: run end-to-end tests through `npm test`',
    );
  }
  const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'e2e-keys-')));
  const ports = {} as Record<AppName, number>;
  for (const app of APP_NAMES) {
    ports[app] = await findFreePort(Object.values(ports));
  }
  const lines = new Map<AppName, Record<string, unknown>[]>();
  const launched: LaunchedPlatform = await launchPlatform({
    rootDir: findRepoRoot(__dirname),
    databaseUrl,
    kafkaBrokers: brokers.split(','),
    publicKeyFile: keys.publicKeyPath,
    ports,
    logFormat: 'json',
    nodeEnv: 'test',
    env: { OUTBOX_POLL_INTERVAL_MS: '250', GRAPHQL_IDE: 'true', LOG_LEVEL: 'info', ...env },
    onLine: (app, line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === 'object' && parsed !== null) {
          const list = lines.get(app) ?? [];
          list.push(parsed as Record<string, unknown>);
          lines.set(app, list);
        }
      } catch {
        process.stderr.write(`${app}| ${line}\n`); // not JSON: a crash report, worth seeing
      }
    },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  return {
    gatewayUrl: launched.gatewayUrl,
    ports,
    logs: (app) => [...(lines.get(app) ?? [])],
    token: (request) => signDevToken(request, keys.privateKeyPem),
    stop: () => launched.stop(),
  };
}

export interface GraphqlResponse<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  readonly headers: Headers;
}

export async function gql<T>(
  url: string,
  query: string,
  options: {
    token?: string;
    variables?: Record<string, unknown>;
    headers?: Record<string, string>;
  } = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as Omit<GraphqlResponse<T>, 'status' | 'headers'>;
  return { ...body, status: response.status, headers: response.headers };
}

export function errorCodes(response: GraphqlResponse<unknown>): (string | undefined)[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

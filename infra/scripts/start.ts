/**
 * `npm start`: the whole platform on this machine, with demo data.
 *
 * PostgreSQL and Kafka (the servers named by DATABASE_URL / KAFKA_BROKERS, else embedded
 * PostgreSQL and a local Kafka broker), migrations, the four services and the gateway as
 * separate processes with prefixed logs, demo data, then the URL and a token. Ctrl-C stops
 * everything; a second Ctrl-C kills what is left.
 */
import { resolve } from 'node:path';
import { ensureDevKeyPair, signDevToken } from '@app/auth';
import { APP_NAMES, AppName, PORT_VARIABLE } from '@app/config';
import { DEMO_CLINICS, LaunchedPlatform, launchPlatform, seedDemoData } from '@app/launcher';
import { LocalStack, startLocalStack, stderrLogSink } from '@app/local-stack';

const COLOURS: Readonly<Record<AppName, string>> = {
  gateway: '\u001b[35m',
  'therapist-roster': '\u001b[36m',
  booking: '\u001b[33m',
  'client-record': '\u001b[32m',
  notification: '\u001b[34m',
};

function prefixed(app: AppName, line: string): void {
  const colour = process.stdout.isTTY ? COLOURS[app] : '';
  const reset = process.stdout.isTTY ? '\u001b[0m' : '';
  process.stdout.write(`${colour}${app.padEnd(16)}|${reset} ${line}\n`);
}

/** GATEWAY_PORT, ROSTER_PORT, ... when set; the apps validate them again at boot. */
function portsFromEnv(): Partial<Record<AppName, number>> {
  const ports: Partial<Record<AppName, number>> = {};
  for (const app of APP_NAMES) {
    const value = process.env[PORT_VARIABLE[app]];
    if (value !== undefined && /^\d+$/.test(value)) {
      ports[app] = Number(value);
    }
  }
  return ports;
}

async function main(): Promise<void> {
  const started = Date.now();
  const rootDir = resolve(__dirname, '..', '..', '..');
  let stack: LocalStack | undefined;
  let platform: LaunchedPlatform | undefined;
  let stopping = false;

  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      stderrLogSink(`[start] ${signal} again: killing everything now`);
      platform?.kill();
      stack?.kill();
      process.exit(130);
    }
    stopping = true;
    stderrLogSink(`[start] ${signal}: stopping the apps, then PostgreSQL and Kafka…`);
    void (async () => {
      try {
        await platform?.stop();
        await stack?.stop();
        stderrLogSink('[start] stopped; nothing left running');
        process.exit(0);
      } catch (error) {
        stderrLogSink(
          `[start] stop failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        platform?.kill();
        stack?.kill();
        process.exit(1);
      }
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const keys = await ensureDevKeyPair(resolve(rootDir, '.local', 'keys'));
  const headOffice = await signDevToken(
    { role: 'head_office_admin', subject: 'dev-head-office' },
    keys.privateKeyPem,
  );
  try {
    stack = await startLocalStack({
      rootDir,
      name: process.env.LOCAL_STACK_NAME ?? 'dev',
      log: stderrLogSink,
    });
    if (stopping) {
      return;
    }
    platform = await launchPlatform({
      rootDir,
      databaseUrl: stack.databaseUrl,
      kafkaBrokers: stack.kafkaBrokers,
      publicKeyFile: keys.publicKeyPath,
      ports: portsFromEnv(),
      logFormat: 'pretty',
      nodeEnv: 'development',
      onLine: prefixed,
      log: stderrLogSink,
      onSpawned: (spawned) => {
        platform = spawned;
      },
    });
    if (stopping) {
      return;
    }
    await seedDemoData(platform.gatewayUrl, headOffice, stderrLogSink, new Date(), {
      kafkaBrokers: stack.kafkaBrokers,
      privateKeyPem: keys.privateKeyPem,
    });
  } catch (error) {
    stopping = true;
    await platform?.stop().catch(() => platform?.kill());
    await stack?.stop().catch(() => stack?.kill());
    throw error;
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ide = platform.gatewayUrl.replace(/\/graphql$/, '/graphiql');
  process.stdout.write(
    [
      '',
      `The platform is up (${seconds} s).`,
      `  GraphQL:   ${platform.gatewayUrl}`,
      `  IDE:       ${ide}  (paste the token into Headers)`,
      `  Clinics:   ${DEMO_CLINICS.map((c) => c.code).join(', ')} (demo data)`,
      '',
      'Head-office token (8 h):',
      headOffice,
      '',
      'Try:',
      `  curl -s ${platform.gatewayUrl} -H 'content-type: application/json' \\`,
      `    -H "authorization: Bearer $TOKEN" -d '{"query":"{ clinics { code name treatments { code pricePence } } }"}'`,
      'Other roles: npm run token -- --role clinic_manager --clinic <clinic id>',
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  stderrLogSink(`[start] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

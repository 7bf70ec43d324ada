/**
 * `npm run infra`: PostgreSQL and Kafka without Docker, until Ctrl-C.
 *
 * Uses the servers named by DATABASE_URL / KAFKA_BROKERS when set; otherwise starts the
 * embedded PostgreSQL (data kept in .local/postgres/dev) and an Apache Kafka broker in
 * KRaft mode (fresh data in .local/kafka/dev, jars cached in infra/.cache/kafka/lib).
 * Prints the variables to export; SIGINT/SIGTERM stop both (a second one kills them).
 */
import {
  LocalStack,
  LocalStackError,
  SERVICE_DATABASES,
  startLocalStack,
  stderrLogSink,
} from '@app/local-stack';

async function main(): Promise<void> {
  const started = Date.now();
  const running: { stack?: LocalStack } = {};
  let stopping = false;

  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      stderrLogSink(`[infra] ${signal} again: killing PostgreSQL and Kafka now`);
      running.stack?.kill();
      process.exit(130);
    }
    stopping = true;
    stderrLogSink(`[infra] ${signal}: stopping PostgreSQL and Kafka…`);
    const stopped = running.stack ? running.stack.stop() : Promise.resolve();
    stopped.then(
      () => {
        stderrLogSink('[infra] stopped');
        process.exit(0);
      },
      (error: unknown) => {
        stderrLogSink(
          `[infra] stop failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        running.stack?.kill();
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const stack = await startLocalStack({ log: stderrLogSink });
  running.stack = stack;
  if (stopping) {
    // A signal arrived while starting: stop what just came up.
    await stack.stop();
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Local infrastructure is up (${seconds} s). In another shell:`,
      '',
      `  export DATABASE_URL='${stack.databaseUrl}'`,
      `  export KAFKA_BROKERS='${stack.kafkaBrokers.join(',')}'`,
      '',
      `Service databases on that server: ${SERVICE_DATABASES.join(', ')} (replace /postgres in the URL).`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  const message =
    error instanceof LocalStackError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  stderrLogSink(`[infra] could not start: ${message}`);
  process.exit(1);
});

import {
  findRepoRoot,
  LocalStack,
  LogSink,
  redactUrl,
  startLocalStack,
} from '../../local-stack/src';
import { dockerEngineAnswers } from './docker-engine';
import { removeStaleTestData, testInstanceName } from './stale-test-data';
import {
  startKafkaContainer,
  startPostgresContainer,
  StartedInfraPart,
} from './testcontainers-infra';
import {
  InfraSource,
  infraNeeded,
  jestRunSelectionFrom,
  needsDockerProbe,
  selectTestInfra,
} from './test-infra-selection';
import { rememberTestInfra } from './test-infra-state';

// Relative imports on purpose: Jest loads global setup outside its module system, so the
// @app/* path aliases (a Jest moduleNameMapper) do not apply here.

const log: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

function describeSource(source: InfraSource): string {
  switch (source.kind) {
    case 'env':
      return 'the environment';
    case 'testcontainers':
      return 'testcontainers';
    case 'local':
      return 'the local stack';
    default: {
      const unreachable: never = source;
      return String(unreachable);
    }
  }
}

/**
 * Provides PostgreSQL and Kafka to integration and end-to-end tests (see
 * test-infra-selection.ts for where they come from) and passes them to the test workers
 * as DATABASE_URL and KAFKA_BROKERS. Does nothing when only unit tests run.
 */
export default async function globalSetup(
  globalConfig: unknown,
  _projectConfig: unknown,
): Promise<void> {
  if (!infraNeeded(jestRunSelectionFrom(globalConfig, process.argv.slice(2)))) {
    return;
  }
  const started = Date.now();
  const env = process.env;
  const dockerAnswers = needsDockerProbe(env) ? await dockerEngineAnswers(env) : undefined;
  const plan = selectTestInfra({ env, dockerAnswers });
  log(
    `\n[test-infra] PostgreSQL from ${describeSource(plan.postgres)}, Kafka from ${describeSource(plan.kafka)}` +
      (dockerAnswers === false ? ' (no Docker engine answered)' : ''),
  );

  const containers: StartedInfraPart[] = [];
  let stack: LocalStack | undefined;
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled([stack?.stop(), ...containers.map((container) => container.stop())]);
  };
  try {
    const fromContainer = async (
      source: InfraSource,
      start: () => Promise<StartedInfraPart>,
    ): Promise<string | undefined> => {
      if (source.kind === 'env') {
        return source.value;
      }
      if (source.kind === 'local') {
        return undefined;
      }
      const part = await start();
      containers.push(part);
      return part.value;
    };
    const [databaseUrl, kafkaBrokers] = await Promise.all([
      fromContainer(plan.postgres, () => startPostgresContainer(log)),
      fromContainer(plan.kafka, () => startKafkaContainer(env, log)),
    ]);
    const rootDir = findRepoRoot(__dirname);
    await removeStaleTestData(rootDir);
    stack = await startLocalStack({
      rootDir,
      name: testInstanceName(),
      env: {},
      databaseUrl,
      kafkaBrokers: kafkaBrokers?.split(','),
      freshDatabase: true,
      relaxedDurability: true,
      log,
    });
  } catch (error: unknown) {
    await stopAll();
    throw error;
  }

  process.env.DATABASE_URL = stack.databaseUrl;
  process.env.KAFKA_BROKERS = stack.kafkaBrokers.join(',');
  process.env.TEST_INFRA_SOURCES = `postgres=${plan.postgres.kind},kafka=${plan.kafka.kind}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `[test-infra] ready in ${seconds} s: DATABASE_URL=${redactUrl(stack.databaseUrl)} KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`,
  );
  rememberTestInfra({ description: process.env.TEST_INFRA_SOURCES, stop: stopAll });
}

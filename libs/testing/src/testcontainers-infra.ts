import { findFreePort, LogSink, waitForKafkaMetadata } from '../../local-stack/src';
import { TestInfraEnv } from './test-infra-selection';

// Relative import on purpose: Jest loads global setup outside its module system, so the
// @app/* path aliases (a Jest moduleNameMapper) do not apply to this file's imports.

export const POSTGRES_IMAGE = 'postgres:17-alpine';
/** The same Kafka line as the local stack (infra/kafka/pom.xml): kafkajs 2.2.4 needs 3.x. */
export const KAFKA_IMAGE = 'apache/kafka:3.9.2';

export interface StartedInfraPart {
  readonly value: string;
  stop(): Promise<void>;
}

/** The host name a published container port is reached on. */
function dockerHostName(env: TestInfraEnv): string {
  const override = env.TESTCONTAINERS_HOST_OVERRIDE?.trim();
  if (override) {
    return override;
  }
  const tcp = /^tcp:\/\/([^:/]+):\d+/.exec(env.DOCKER_HOST?.trim() ?? '');
  return tcp ? tcp[1] : 'localhost';
}

/** PostgreSQL in a container (data on tmpfs); resolves with the superuser URL of `postgres`. */
export async function startPostgresContainer(log: LogSink): Promise<StartedInfraPart> {
  const { GenericContainer, Wait } = await import('testcontainers');
  log(`[test-infra] starting ${POSTGRES_IMAGE} with testcontainers…`);
  const container = await new GenericContainer(POSTGRES_IMAGE)
    .withEnvironment({ POSTGRES_PASSWORD: 'postgres' })
    .withExposedPorts(5432)
    .withTmpFs({ '/var/lib/postgresql/data': 'rw' })
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'max_connections=200'])
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(120_000)
    .start();
  const url = `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return {
    value: url,
    stop: async () => {
      await container.stop();
    },
  };
}

/**
 * A single KRaft Kafka node in a container. The advertised listener must name the port
 * clients use, so the host port is chosen up front and bound explicitly.
 */
export async function startKafkaContainer(
  env: TestInfraEnv,
  log: LogSink,
): Promise<StartedInfraPart> {
  const { GenericContainer } = await import('testcontainers');
  const host = dockerHostName(env);
  const hostPort = await findFreePort();
  log(`[test-infra] starting ${KAFKA_IMAGE} with testcontainers on ${host}:${hostPort}…`);
  const container = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://${host}:${hostPort}`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '10',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    })
    .withStartupTimeout(120_000)
    .start();
  try {
    await waitForKafkaMetadata(host, hostPort, { timeoutMs: 120_000 });
  } catch (error: unknown) {
    await container.stop().catch(() => undefined);
    throw error;
  }
  return {
    value: `${host}:${hostPort}`,
    stop: async () => {
      await container.stop();
    },
  };
}

import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { KafkaServer } from '@app/local-stack';
import { startDedicatedKafka, testInfra } from '@app/testing';

// The compatibility proof for the broker the local stack runs (infra/kafka/pom.xml):
// kafkajs 2.2.4 speaks protocol versions Kafka 4 removed, so this must keep passing
// whenever the Kafka version changes.

async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 30_000,
  refresh?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await refresh?.();
    if (condition()) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await delay(50);
  }
}

function clientFor(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'kafka-compat-spec', brokers, logLevel: logLevel.NOTHING });
}

describe('kafkajs 2.2.4 with the local Kafka broker', () => {
  it('creates a topic, delivers keyed messages in order per key to a consumer group and commits its offsets', async () => {
    const kafka = clientFor(testInfra().kafkaBrokers);
    const topic = `compat-${randomUUID()}`;
    const groupId = `compat-group-${randomUUID()}`;
    const admin = kafka.admin();
    const producer = kafka.producer({
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const consumer = kafka.consumer({ groupId });
    await admin.connect();
    try {
      await expect(
        admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true }),
      ).resolves.toBe(true);
      await expect(admin.listTopics()).resolves.toContain(topic);

      const keys = ['booking-a', 'booking-b', 'booking-c'];
      const perKey = 20;
      await producer.connect();
      for (let index = 0; index < perKey; index += 1) {
        await producer.send({
          topic,
          messages: keys.map((key) => ({
            key,
            value: String(index),
            headers: { 'x-correlation-id': `c-${key}` },
          })),
        });
      }

      const received = new Map<string, number[]>();
      const headers = new Set<string>();
      let count = 0;
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const key = message.key?.toString() ?? '';
          received.set(key, [...(received.get(key) ?? []), Number(message.value?.toString())]);
          headers.add(`${key}=${message.headers?.['x-correlation-id']?.toString() ?? ''}`);
          count += 1;
        },
      });
      await waitFor(() => count === keys.length * perKey, `${keys.length * perKey} messages`);
      let committedTotal = -1;
      await waitFor(
        () => committedTotal === keys.length * perKey,
        'the group to commit every offset',
        30_000,
        async () => {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          committedTotal = committed.partitions.reduce(
            (sum, partition) => sum + Math.max(0, Number(partition.offset)),
            0,
          );
        },
      );
      await consumer.disconnect();

      const inOrder = Array.from({ length: perKey }, (_, index) => index);
      for (const key of keys) {
        expect(received.get(key)).toEqual(inOrder);
      }
      expect([...headers].sort()).toEqual(keys.map((key) => `${key}=c-${key}`));
      expect(committedTotal).toBe(keys.length * perKey);
    } finally {
      await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
    }
  });

  describe('across a restart of the broker', () => {
    let broker: KafkaServer;

    beforeAll(async () => {
      broker = await startDedicatedKafka();
    });

    afterAll(async () => {
      await broker.destroy();
    });

    it('keeps its port and the messages written before the stop', async () => {
      const brokersBefore = broker.brokers;
      const kafka = clientFor(brokersBefore);
      const topic = `restart-${randomUUID()}`;
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await admin.disconnect();
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      await producer.send({
        topic,
        messages: Array.from({ length: 10 }, (_, index) => ({ key: 'k', value: String(index) })),
      });
      await producer.disconnect();

      await broker.stop();
      expect(broker.isRunning).toBe(false);
      await broker.start();
      expect(broker.brokers).toEqual(brokersBefore);

      const values: string[] = [];
      const consumer = clientFor(broker.brokers).consumer({
        groupId: `restart-group-${randomUUID()}`,
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            values.push(message.value?.toString() ?? '');
          },
        });
        await waitFor(() => values.length >= 10, '10 messages after the restart', 60_000);
      } finally {
        await consumer.disconnect();
      }
      expect(values).toEqual(Array.from({ length: 10 }, (_, index) => String(index)));
    });
  });
});

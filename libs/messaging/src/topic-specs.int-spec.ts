import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { testInfra } from '@app/testing';
import { KafkaJsMessageBus } from './kafka/kafkajs-message-bus';
import { DOMAIN_TOPIC_CONFIGS } from './topic-specs';

describe('topics created by ensureTopics with configs (real Kafka)', () => {
  it('creates a domain topic kept forever (retention.ms=-1)', async () => {
    const brokers = testInfra().kafkaBrokers;
    const bus = new KafkaJsMessageBus({ brokers, clientId: 'topic-specs-spec' });
    const admin = new Kafka({
      clientId: 'topic-specs-spec-admin',
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    const topic = `retention-${randomUUID()}`;
    try {
      await bus.ensureTopics([{ topic, partitions: 1, configs: DOMAIN_TOPIC_CONFIGS }]);
      await admin.connect();
      const described = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] },
        ],
      });
      const entry = described.resources[0].configEntries.find(
        (config) => config.configName === 'retention.ms',
      );
      expect(entry?.configValue).toBe('-1');
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  });
});

import { ALL_TOPICS, dlqTopicOf } from '@app/contracts';
import { platformTopicSpecs } from './topic-specs';

describe(platformTopicSpecs.name, () => {
  it('creates every domain topic with retention.ms=-1: the event log is kept forever', () => {
    const specs = platformTopicSpecs();
    for (const topic of ALL_TOPICS) {
      expect(specs.find((spec) => spec.topic === topic)).toEqual({
        topic,
        partitions: 3,
        configs: { 'retention.ms': '-1' },
      });
    }
  });

  it('leaves dead-letter topics at the broker defaults', () => {
    const specs = platformTopicSpecs();
    for (const topic of ALL_TOPICS) {
      expect(specs.find((spec) => spec.topic === dlqTopicOf(topic))).toEqual({
        topic: dlqTopicOf(topic),
        partitions: 1,
      });
    }
  });
});

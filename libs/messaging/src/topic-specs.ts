import { ALL_TOPICS, dlqTopicOf } from '@app/contracts';
import { TopicSpec } from './message-bus';

/** Every platform topic and its dead-letter companion. */
export function platformTopicSpecs(partitions = 3): TopicSpec[] {
  return ALL_TOPICS.flatMap((topic) => [
    { topic, partitions },
    { topic: dlqTopicOf(topic), partitions: 1 },
  ]);
}

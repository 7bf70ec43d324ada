import { ALL_TOPICS, dlqTopicOf } from '@app/contracts';
import { TopicSpec } from './message-bus';

/**
 * Configs of the platform's domain topics: kept forever (`retention.ms=-1`). The event log
 * is the source of truth for the projections other services build from it (booking's
 * rebuild-projections replays roster and client-record events from the beginning), so no
 * event may age out. Applied when a topic is created; an existing topic is left as it is.
 */
export const DOMAIN_TOPIC_CONFIGS: Readonly<Record<string, string>> = { 'retention.ms': '-1' };

/** Every platform topic (kept forever) and its dead-letter companion (broker defaults). */
export function platformTopicSpecs(partitions = 3): TopicSpec[] {
  return ALL_TOPICS.flatMap((topic) => [
    { topic, partitions, configs: DOMAIN_TOPIC_CONFIGS },
    { topic: dlqTopicOf(topic), partitions: 1 },
  ]);
}

/** What the messaging code reports; an app adapts it to its metrics registry. */
export interface MessagingMetrics {
  outboxBacklog(count: number): void;
  outboxPublished(count: number): void;
  consumed(topic: string, outcome: 'processed' | 'duplicate' | 'skipped' | 'dead_lettered'): void;
  deadLettered(topic: string): void;
  consumerLag(group: string, topic: string, partition: number, lag: number): void;
}

export const noMetrics: MessagingMetrics = {
  outboxBacklog: () => undefined,
  outboxPublished: () => undefined,
  consumed: () => undefined,
  deadLettered: () => undefined,
  consumerLag: () => undefined,
};

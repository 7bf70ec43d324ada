/** One topic per service for its domain events; breaking changes get a new version. */
export const TOPICS = {
  roster: 'roster.events.v1',
  booking: 'booking.events.v1',
  clientRecord: 'client-record.events.v1',
  notification: 'notification.events.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly TopicName[] = Object.values(TOPICS);

/** Dead letters of `topic` go to `<topic>.dlq`, keyed and headed as the original. */
export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

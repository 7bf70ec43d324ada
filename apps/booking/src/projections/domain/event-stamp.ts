import type { EventEnvelope } from '@app/contracts';

/** Which event a projection row last reflects, and when that event happened. */
export interface EventStamp {
  readonly eventId: string;
  readonly occurredAt: Date;
}

export function stampOf(event: Pick<EventEnvelope, 'eventId' | 'occurredAt'>): EventStamp {
  return { eventId: event.eventId, occurredAt: new Date(event.occurredAt) };
}

/**
 * Out-of-order safety: an event that happened before the one a row already reflects is
 * ignored. Equal times apply, so a redelivered event or two events of one aggregate written
 * in the same millisecond follow the topic's (per-aggregate) order.
 */
export function isStale(occurredAt: Date, lastEventAt: Date | null | undefined): boolean {
  return (
    lastEventAt !== null &&
    lastEventAt !== undefined &&
    occurredAt.getTime() < lastEventAt.getTime()
  );
}

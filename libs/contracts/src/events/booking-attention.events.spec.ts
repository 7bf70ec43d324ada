import {
  BOOKING_ATTENTION_EVENT_SAMPLES,
  BOOKING_ATTENTION_EVENTS,
  BookingNeedsRescheduleV1,
} from './booking-attention.events';
import { platformCatalogue } from '../event-catalogue';

describe('booking attention event contracts', () => {
  it.each(BOOKING_ATTENTION_EVENTS.map((definition) => [definition.type, definition] as const))(
    'the %s sample matches its schema, is public and in the platform catalogue',
    (type, definition) => {
      expect(definition.schema.safeParse(BOOKING_ATTENTION_EVENT_SAMPLES[type]).success).toBe(true);
      expect(definition.visibility).toBe('public');
      expect(platformCatalogue.find(definition.type, definition.version)).toBe(definition);
    },
  );

  it('carries a cause code only, never the kind of time off', () => {
    const sample = BOOKING_ATTENTION_EVENT_SAMPLES[BookingNeedsRescheduleV1.type] as object;
    const parsed = BookingNeedsRescheduleV1.schema.parse({ ...sample, kind: 'sickness' });
    expect(parsed).not.toHaveProperty('kind');
    expect(
      BookingNeedsRescheduleV1.schema.safeParse({ ...sample, cause: 'sickness' }).success,
    ).toBe(false);
  });

  it('refuses a booking that no longer holds a slot', () => {
    const sample = BOOKING_ATTENTION_EVENT_SAMPLES[BookingNeedsRescheduleV1.type] as object;
    expect(
      BookingNeedsRescheduleV1.schema.safeParse({ ...sample, status: 'cancelled' }).success,
    ).toBe(false);
  });
});

import { BOOKING_EVENT_SAMPLES, BOOKING_LIFECYCLE_EVENTS } from './booking.events';
import {
  CARE_EVENT_SAMPLES,
  CarePlanCreatedV1,
  CarePlanUpdatedV1,
  SessionRecordedV1,
} from './care.events';

describe('booking and care event contracts', () => {
  it.each(BOOKING_LIFECYCLE_EVENTS.map((definition) => [definition.type, definition] as const))(
    'the %s sample matches its schema',
    (type, definition) => {
      expect(definition.schema.safeParse(BOOKING_EVENT_SAMPLES[type]).success).toBe(true);
    },
  );

  it.each(
    [CarePlanCreatedV1, CarePlanUpdatedV1, SessionRecordedV1].map((d) => [d.type, d] as const),
  )('the %s sample matches its schema', (type, definition) => {
    expect(definition.schema.safeParse(CARE_EVENT_SAMPLES[type]).success).toBe(true);
  });

  it('refuses a booking event whose local time is not clinic wall-clock "YYYY-MM-DDTHH:MM"', () => {
    const sample = BOOKING_EVENT_SAMPLES['booking.confirmed'] as Record<string, unknown>;
    const parsed = BOOKING_LIFECYCLE_EVENTS[1].schema.safeParse({
      ...sample,
      localStart: '2026-03-30 10:00',
    });
    expect(parsed.success).toBe(false);
  });

  it('drops clinical detail from session.recorded (ids only)', () => {
    const parsed = SessionRecordedV1.schema.parse({
      ...(CARE_EVENT_SAMPLES['session.recorded'] as object),
      painBefore: 7,
      notes: 'secret',
    });
    expect(Object.keys(parsed).sort()).toEqual(
      ['bookingId', 'clientId', 'clinicId', 'sessionRecordId', 'therapistId', 'version'].sort(),
    );
  });

  it('keeps care plan frequency internal and booking events public', () => {
    expect([CarePlanCreatedV1.visibility, CarePlanUpdatedV1.visibility]).toEqual([
      'internal',
      'internal',
    ]);
    expect(new Set(BOOKING_LIFECYCLE_EVENTS.map((definition) => definition.visibility))).toEqual(
      new Set(['public']),
    );
  });
});

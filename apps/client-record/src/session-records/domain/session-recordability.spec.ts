import { sessionRecordabilityOf } from './session-recordability';

describe(sessionRecordabilityOf.name, () => {
  it('records a completed booking (treated), whatever the projection says', () => {
    expect(sessionRecordabilityOf('treated', undefined)).toBe('recordable');
    expect(sessionRecordabilityOf('treated', 'confirmed')).toBe('recordable');
  });

  it.each(['checked_in', 'completed'])('records a booked session once %s', (status) => {
    expect(sessionRecordabilityOf('booked', status)).toBe('recordable');
  });

  it.each([undefined, 'held', 'confirmed'])(
    'refuses a booking that has not started (projection %s)',
    (status) => {
      expect(sessionRecordabilityOf('booked', status)).toBe('not_started');
    },
  );

  it('refuses a released booking as released', () => {
    expect(sessionRecordabilityOf('released', 'cancelled')).toBe('released');
    expect(sessionRecordabilityOf('released', undefined)).toBe('released');
  });
});

import { bookingEventEffect } from './booking-event-effect';

describe(bookingEventEffect.name, () => {
  it('applies an event for a registered client', () => {
    expect(bookingEventEffect({ registered: true, erased: false, purged: false })).toBe('apply');
  });

  it('moves only the status for an erased client', () => {
    expect(bookingEventEffect({ registered: true, erased: true, purged: false })).toBe(
      'status_only',
    );
  });

  it('drops an event for a purged client', () => {
    expect(bookingEventEffect({ registered: false, erased: false, purged: true })).toBe('drop');
  });

  it('drops it even if a purged client somehow still had a row', () => {
    expect(bookingEventEffect({ registered: true, erased: true, purged: true })).toBe('drop');
  });

  it('keeps a booking of a client not registered here yet', () => {
    expect(bookingEventEffect({ registered: false, erased: false, purged: false })).toBe('apply');
  });
});

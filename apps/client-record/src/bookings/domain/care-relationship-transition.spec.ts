import type { CareRelationshipStatus } from '../../access/domain/client-scope';
import { BookingLifecycleEvent, nextCareStatus } from './care-relationship-transition';

const BOOKING: BookingLifecycleEvent[] = [
  'booking.held',
  'booking.confirmed',
  'booking.rescheduled',
  'booking.checked_in',
];
const RELEASING: BookingLifecycleEvent[] = [
  'booking.cancelled',
  'booking.no_show',
  'booking.hold_expired',
];
const ALL: BookingLifecycleEvent[] = [...BOOKING, 'booking.completed', ...RELEASING];

describe(nextCareStatus.name, () => {
  it.each(BOOKING)('books the therapist on %s for a new booking', (event) => {
    expect(nextCareStatus(undefined, event)).toBe('booked');
  });

  it('marks the client treated when the booking completes', () => {
    expect(nextCareStatus('booked', 'booking.completed')).toBe('treated');
    expect(nextCareStatus(undefined, 'booking.completed')).toBe('treated');
  });

  it.each(RELEASING)('releases a booked relationship on %s', (event) => {
    expect(nextCareStatus('booked', event)).toBe('released');
  });

  it.each(ALL)('never downgrades treated, whatever arrives (%s)', (event) => {
    expect(nextCareStatus('treated', event)).toBe('treated');
  });

  it.each(BOOKING)('does not revive a released booking on a late %s', (event) => {
    expect(nextCareStatus('released', event)).toBe('released');
  });

  it('moves a released booking to treated when it completed after all', () => {
    expect(nextCareStatus('released', 'booking.completed')).toBe('treated');
  });

  it('ends in the same state whatever the order of a completed booking events', () => {
    const events: BookingLifecycleEvent[] = [
      'booking.held',
      'booking.confirmed',
      'booking.completed',
    ];
    const orders: BookingLifecycleEvent[][] = [
      events,
      [...events].reverse(),
      ['booking.completed', 'booking.held', 'booking.confirmed'],
    ];
    const finals = orders.map((order) =>
      order.reduce<CareRelationshipStatus | undefined>(nextCareStatus, undefined),
    );
    expect(finals).toEqual(['treated', 'treated', 'treated']);
  });

  it('ends released whatever the order of a cancelled booking events', () => {
    const orders: BookingLifecycleEvent[][] = [
      ['booking.held', 'booking.confirmed', 'booking.cancelled'],
      ['booking.cancelled', 'booking.confirmed', 'booking.held'],
      ['booking.confirmed', 'booking.cancelled', 'booking.held'],
    ];
    const finals = orders.map((order) =>
      order.reduce<CareRelationshipStatus | undefined>(nextCareStatus, undefined),
    );
    expect(finals).toEqual(['released', 'released', 'released']);
  });
});

/** The service's clock, injectable so tests can move time. */
export const BOOKING_CLOCK = Symbol('BOOKING_CLOCK');

export interface BookingClock {
  now(): Date;
}

export const systemClock: BookingClock = { now: () => new Date() };

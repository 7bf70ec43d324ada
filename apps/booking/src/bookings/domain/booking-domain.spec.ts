import type { Caller } from '@app/auth';
import { BookingError } from '../bookings.errors';
import { BOOKING_STATUSES, BookingStatus } from './booking-status';
import { ineligibilityReason } from './booking-eligibility';
import { denialOf, readScopeDenial } from './booking-permissions';
import { BOOKING_ACTIONS, BookingAction, nextStatus, transition } from './booking-state-machine';
import { cancellationTerms } from './cancellation-policy';
import { canonicalJson, requestHash } from './request-hash';

const ALLOWED: Record<string, BookingStatus> = {
  'held:confirm': 'confirmed',
  'held:reschedule': 'held',
  'confirmed:reschedule': 'confirmed',
  'held:cancel': 'cancelled',
  'confirmed:cancel': 'cancelled',
  'confirmed:check_in': 'checked_in',
  'checked_in:complete': 'completed',
  'confirmed:no_show': 'no_show',
  'checked_in:no_show': 'no_show',
  'held:expire_hold': 'hold_expired',
};

describe('booking state machine', () => {
  const pairs = BOOKING_STATUSES.flatMap((status) =>
    BOOKING_ACTIONS.map((action) => [status, action] as [BookingStatus, BookingAction]),
  );

  it.each(pairs)('%s + %s', (status, action) => {
    const expected = ALLOWED[`${status}:${action}`];
    expect(nextStatus(status, action)).toBe(expected);
    if (expected === undefined) {
      let error: unknown;
      try {
        transition(status, action);
      } catch (e: unknown) {
        error = e;
      }
      expect(error).toBeInstanceOf(BookingError);
      expect((error as BookingError).code).toBe('INVALID_BOOKING_TRANSITION');
      expect((error as BookingError).message).toContain(`is ${status}`);
    } else {
      expect(transition(status, action)).toBe(expected);
    }
  });
});

describe('late cancellation policy', () => {
  const startsAt = new Date('2026-12-01T10:00:00Z');
  const at = (hoursBefore: number) => new Date(startsAt.getTime() - hoursBefore * 3_600_000);

  it('exactly 24 h before is not late', () => {
    expect(
      cancellationTerms({
        startsAt,
        now: at(24),
        pricePence: 6000,
        cancelledBy: 'client',
        wasConfirmed: true,
      }),
    ).toEqual({ late: false, lateFeePence: null });
  });

  it('under 24 h by the client of a confirmed booking: late, 50% fee rounded down', () => {
    expect(
      cancellationTerms({
        startsAt,
        now: at(23.99),
        pricePence: 3501,
        cancelledBy: 'client',
        wasConfirmed: true,
      }),
    ).toEqual({ late: true, lateFeePence: 1750 });
  });

  it('late by the clinic, or of a mere hold: late but no fee', () => {
    expect(
      cancellationTerms({
        startsAt,
        now: at(2),
        pricePence: 6000,
        cancelledBy: 'clinic',
        wasConfirmed: true,
      }),
    ).toEqual({ late: true, lateFeePence: null });
    expect(
      cancellationTerms({
        startsAt,
        now: at(2),
        pricePence: 6000,
        cancelledBy: 'client',
        wasConfirmed: false,
      }),
    ).toEqual({ late: true, lateFeePence: null });
  });
});

describe('idempotency request hash', () => {
  it('ignores member order and undefined members', () => {
    expect(requestHash('hold', { a: 1, b: { c: 2, d: 3 }, e: undefined })).toBe(
      requestHash('hold', { b: { d: 3, c: 2 }, a: 1 }),
    );
  });

  it('differs by operation and by any value', () => {
    const base = requestHash('hold', { a: 1 });
    expect(requestHash('confirm', { a: 1 })).not.toBe(base);
    expect(requestHash('hold', { a: 2 })).not.toBe(base);
    expect(requestHash('hold', { a: '1' })).not.toBe(base);
  });

  it('treats an optional field sent as null like one not sent (roomId on a retry)', () => {
    const command = { clinicId: 'c1', startsAt: new Date('2026-01-01T10:00:00Z') };
    expect(requestHash('holdBooking', { ...command, roomId: null })).toBe(
      requestHash('holdBooking', command),
    );
    expect(requestHash('holdBooking', { ...command, roomId: undefined })).toBe(
      requestHash('holdBooking', { ...command, roomId: null }),
    );
    expect(requestHash('holdBooking', { ...command, roomId: 'r1' })).not.toBe(
      requestHash('holdBooking', command),
    );
    expect(canonicalJson({ a: [null, 1], b: { c: null } })).toBe('{"a":[null,1],"b":{}}');
  });

  it('writes dates as ISO instants', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00Z') })).toBe(
      '{"at":"2026-01-01T00:00:00.000Z"}',
    );
  });
});

describe('eligibility for a treatment', () => {
  const stretch = { kind: 'treatment' as const, requiresScreeningClearance: true };
  const assessment = { kind: 'assessment' as const, requiresScreeningClearance: false };
  const date = '2026-12-01';

  it.each([
    [undefined, 'not screened'],
    [
      { status: 'gp_clearance_required' as const, validUntil: '2027-01-01' },
      'gp clearance required',
    ],
    [{ status: 'lapsed' as const, validUntil: '2026-01-01' }, 'lapsed'],
    [{ status: 'cleared' as const, validUntil: '2026-11-30' }, 'lapsed'],
    [{ status: 'not_suitable' as const, validUntil: '2027-01-01' }, 'not suitable'],
  ])('%j blocks a treatment needing clearance: %s', (eligibility, reason) => {
    expect(ineligibilityReason({ treatment: stretch, eligibility, appointmentDate: date })).toMatch(
      new RegExp(`^${reason}`),
    );
  });

  it('cleared through the appointment date is enough', () => {
    expect(
      ineligibilityReason({
        treatment: stretch,
        eligibility: { status: 'cleared', validUntil: date },
        appointmentDate: date,
      }),
    ).toBeUndefined();
  });

  it('not suitable still allows an assessment; no screening is needed for one', () => {
    expect(
      ineligibilityReason({
        treatment: assessment,
        eligibility: { status: 'not_suitable', validUntil: date },
        appointmentDate: date,
      }),
    ).toBeUndefined();
    expect(
      ineligibilityReason({ treatment: assessment, eligibility: undefined, appointmentDate: date }),
    ).toBeUndefined();
  });
});

describe('who may change a booking', () => {
  const booking = { clinicId: 'c1', clientId: 'cl1', therapistId: 't1' };
  const caller = (overrides: Partial<Caller>): Caller => ({
    subject: 's',
    role: 'receptionist',
    clinicIds: ['c1'],
    scopes: [],
    ...overrides,
  });

  it('reception and managers at their clinics; not elsewhere', () => {
    expect(denialOf(caller({}), 'check_in', booking)).toBeUndefined();
    expect(denialOf(caller({ role: 'clinic_manager' }), 'hold', booking)).toBeUndefined();
    expect(denialOf(caller({ clinicIds: ['c2'] }), 'hold', booking)).toBeDefined();
  });

  it('clients: own bookings, client commands only', () => {
    const client = caller({ role: 'client', clientId: 'cl1', clinicIds: [] });
    expect(denialOf(client, 'hold', booking)).toBeUndefined();
    expect(denialOf(client, 'cancel', booking)).toBeUndefined();
    expect(denialOf(client, 'check_in', booking)).toBeDefined();
    expect(denialOf({ ...client, clientId: 'other' }, 'hold', booking)).toBeDefined();
  });

  it('therapists: complete and no-show their own bookings only', () => {
    const therapist = caller({ role: 'therapist', therapistId: 't1' });
    expect(denialOf(therapist, 'complete', booking)).toBeUndefined();
    expect(denialOf(therapist, 'no_show', booking)).toBeUndefined();
    expect(denialOf(therapist, 'check_in', booking)).toBeDefined();
    expect(denialOf(therapist, 'hold', booking)).toBeDefined();
    expect(denialOf({ ...therapist, therapistId: 't2' }, 'complete', booking)).toBeDefined();
  });

  it('integrators need bookings:write and the clinic grant', () => {
    const integrator = caller({ role: 'integrator', scopes: ['bookings:write'] });
    expect(denialOf(integrator, 'hold', booking)).toBeUndefined();
    expect(denialOf({ ...integrator, scopes: [] }, 'hold', booking)).toBeDefined();
    expect(denialOf({ ...integrator, clinicIds: ['c2'] }, 'hold', booking)).toBeDefined();
    expect(denialOf(integrator, 'complete', booking)).toBeDefined();
  });

  it('integrators read bookings only with bookings:read or bookings:write', () => {
    const integrator = caller({ role: 'integrator', scopes: ['events:read'] });
    expect(readScopeDenial(integrator)).toContain('bookings:read');
    expect(readScopeDenial({ ...integrator, scopes: ['bookings:read'] })).toBeUndefined();
    expect(readScopeDenial({ ...integrator, scopes: ['bookings:write'] })).toBeUndefined();
    expect(readScopeDenial(caller({ role: 'receptionist', scopes: [] }))).toBeUndefined();
  });

  it('head office admin: all; clinical lead: none', () => {
    expect(
      denialOf(caller({ role: 'head_office_admin', clinicIds: [] }), 'no_show', booking),
    ).toBeUndefined();
    expect(denialOf(caller({ role: 'clinical_lead' }), 'hold', booking)).toBeDefined();
  });
});

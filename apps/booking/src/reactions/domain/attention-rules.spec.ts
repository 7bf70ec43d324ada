import {
  CertificationCover,
  certificationLapseAffects,
  CertifiedBooking,
  coversDate,
  erasureAction,
  isFutureActive,
  timeOffAffects,
} from './attention-rules';

const now = new Date('2026-03-20T12:00:00Z');

function booking(overrides: Partial<CertifiedBooking> = {}): CertifiedBooking {
  return {
    status: 'confirmed',
    startsAt: new Date('2026-03-30T09:00:00Z'),
    endsAt: new Date('2026-03-30T10:00:00Z'),
    localStart: '2026-03-30T10:00',
    requiredCertifications: ['hcpc_registration', 'pnf_level_1'],
    ...overrides,
  };
}

function cert(overrides: Partial<CertificationCover> = {}): CertificationCover {
  return {
    type: 'pnf_level_1',
    issuedOn: '2025-01-01',
    expiresOn: '2027-01-01',
    revokedOn: null,
    verified: true,
    ...overrides,
  };
}

describe('reactions: which bookings are affected', () => {
  describe('isFutureActive', () => {
    it.each(['held', 'confirmed', 'checked_in'])('counts a future %s booking', (status) => {
      expect(isFutureActive(booking({ status }), now)).toBe(true);
    });

    it.each(['completed', 'cancelled', 'no_show', 'hold_expired'])(
      'ignores a %s booking',
      (status) => {
        expect(isFutureActive(booking({ status }), now)).toBe(false);
      },
    );

    it('ignores a booking that already started', () => {
      expect(isFutureActive(booking({ startsAt: now }), now)).toBe(false);
    });
  });

  describe('timeOffAffects', () => {
    const day = {
      startsAt: new Date('2026-03-30T00:00:00Z'),
      endsAt: new Date('2026-03-31T00:00:00Z'),
    };

    it('flags an appointment inside the time off', () => {
      expect(timeOffAffects(booking(), day, now)).toBe(true);
    });

    it('flags an appointment the time off only partly overlaps', () => {
      const from = { startsAt: new Date('2026-03-30T09:45:00Z'), endsAt: day.endsAt };
      expect(timeOffAffects(booking(), from, now)).toBe(true);
    });

    it('does not flag an appointment that ends when the time off starts', () => {
      const after = { startsAt: new Date('2026-03-30T10:00:00Z'), endsAt: day.endsAt };
      expect(timeOffAffects(booking(), after, now)).toBe(false);
    });

    it('does not flag an appointment that starts when the time off ends', () => {
      const before = { startsAt: new Date('2026-03-29T00:00:00Z'), endsAt: day.startsAt };
      expect(timeOffAffects(booking({ startsAt: day.startsAt }), before, now)).toBe(false);
    });

    it('does not flag a cancelled or past booking', () => {
      expect(timeOffAffects(booking({ status: 'cancelled' }), day, now)).toBe(false);
      expect(timeOffAffects(booking(), day, new Date('2026-03-30T09:30:00Z'))).toBe(false);
    });
  });

  describe('coversDate', () => {
    it('covers from the issue day up to the day before expiry', () => {
      expect(coversDate(cert(), '2025-01-01')).toBe(true);
      expect(coversDate(cert(), '2026-12-31')).toBe(true);
      expect(coversDate(cert(), '2027-01-01')).toBe(false);
      expect(coversDate(cert(), '2024-12-31')).toBe(false);
    });

    it('does not cover when unverified or from the day it was revoked', () => {
      expect(coversDate(cert({ verified: false }), '2026-03-30')).toBe(false);
      expect(coversDate(cert({ revokedOn: '2026-03-30' }), '2026-03-29')).toBe(true);
      expect(coversDate(cert({ revokedOn: '2026-03-30' }), '2026-03-30')).toBe(false);
    });

    it('covers every later day when it does not expire', () => {
      expect(coversDate(cert({ expiresOn: null }), '2099-01-01')).toBe(true);
    });
  });

  describe('certificationLapseAffects', () => {
    const lapse = { type: 'pnf_level_1', lapsedOn: '2026-03-25' };

    it('flags a booking on or after the lapse day whose treatment needs the type', () => {
      expect(certificationLapseAffects(booking(), lapse, [], now)).toBe(true);
      expect(
        certificationLapseAffects(booking({ localStart: '2026-03-25T00:30' }), lapse, [], now),
      ).toBe(true);
    });

    it('uses the clinic-local date, not the UTC date', () => {
      // 23:30 UTC on the 24th is 00:30 on the 25th in London (BST).
      const lateEvening = booking({
        startsAt: new Date('2026-03-24T23:30:00Z'),
        endsAt: new Date('2026-03-25T00:30:00Z'),
        localStart: '2026-03-25T00:30',
      });
      expect(
        certificationLapseAffects(lateEvening, { ...lapse, lapsedOn: '2026-03-25' }, [], now),
      ).toBe(true);
      expect(
        certificationLapseAffects(
          { ...lateEvening, localStart: '2026-03-24T23:30' },
          lapse,
          [],
          now,
        ),
      ).toBe(false);
    });

    it('does not flag a booking before the lapse day', () => {
      expect(
        certificationLapseAffects(booking({ localStart: '2026-03-24T16:00' }), lapse, [], now),
      ).toBe(false);
    });

    it('does not flag a treatment that does not need the type', () => {
      expect(
        certificationLapseAffects(
          booking({ requiredCertifications: ['hcpc_registration'] }),
          lapse,
          [],
          now,
        ),
      ).toBe(false);
    });

    it('does not flag when another certification of the type covers the date', () => {
      const renewal = cert({ issuedOn: '2026-03-01', expiresOn: '2028-03-01' });
      expect(certificationLapseAffects(booking(), lapse, [renewal], now)).toBe(false);
    });

    it('still flags when the other certification is of another type, unverified or revoked', () => {
      const others = [
        cert({ type: 'pnf_level_2' }),
        cert({ verified: false }),
        cert({ revokedOn: '2026-03-01' }),
      ];
      expect(certificationLapseAffects(booking(), lapse, others, now)).toBe(true);
    });

    it('does not flag a past or inactive booking', () => {
      expect(certificationLapseAffects(booking({ status: 'completed' }), lapse, [], now)).toBe(
        false,
      );
    });
  });

  describe('erasureAction', () => {
    it('cancels future active bookings and only pseudonymises the rest', () => {
      expect(erasureAction(booking(), now)).toBe('cancel');
      expect(erasureAction(booking({ status: 'completed' }), now)).toBe('pseudonymise');
      expect(erasureAction(booking({ startsAt: new Date('2026-03-01T09:00:00Z') }), now)).toBe(
        'pseudonymise',
      );
    });
  });
});

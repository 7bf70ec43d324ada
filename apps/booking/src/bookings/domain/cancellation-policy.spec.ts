import {
  CancellationPolicy,
  cancellationPolicyViolation,
  cancellationTerms,
  NETWORK_CANCELLATION_POLICY,
} from './cancellation-policy';

/**
 * Europe/London, 2027: on 28 March the clocks go forward (a 23-hour day), on 31 October they
 * go back (a 25-hour day). "24 hours before the start" is measured in real hours, so across a
 * change it is not the same wall-clock time the day before. In each case a wall-clock
 * subtraction would give the other answer.
 */
describe(cancellationTerms.name, () => {
  const confirmedByClient = (startsAt: string, now: string) =>
    cancellationTerms({
      startsAt: new Date(startsAt),
      now: new Date(now),
      pricePence: 6000,
      cancelledBy: 'client',
      wasConfirmed: true,
    });

  it('is late 23.5 real hours before a start after the spring change (24.5 h on the wall clock)', () => {
    // Starts Sun 28 Mar 12:00 BST; cancelled Sat 27 Mar 11:30 GMT.
    expect(confirmedByClient('2027-03-28T11:00:00Z', '2027-03-27T11:30:00Z')).toEqual({
      late: true,
      lateFeePence: 3000,
    });
  });

  it('is late one minute under 24 real hours before a start after the spring change (24 h 59 min on the wall clock)', () => {
    // Starts Sun 28 Mar 12:00 BST; cancelled Sat 27 Mar 11:01 GMT.
    expect(confirmedByClient('2027-03-28T11:00:00Z', '2027-03-27T11:01:00Z')).toEqual({
      late: true,
      lateFeePence: 3000,
    });
  });

  it('is not late 24.5 real hours before a start after the autumn change (23.5 h on the wall clock)', () => {
    // Starts Sun 31 Oct 12:00 GMT; cancelled Sat 30 Oct 12:30 BST.
    expect(confirmedByClient('2027-10-31T12:00:00Z', '2027-10-30T11:30:00Z')).toEqual({
      late: false,
      lateFeePence: null,
    });
  });

  it('is not late exactly 24 real hours before a start after the autumn change (23 h on the wall clock)', () => {
    // Starts Sun 31 Oct 12:00 GMT; cancelled Sat 30 Oct 13:00 BST.
    expect(confirmedByClient('2027-10-31T12:00:00Z', '2027-10-30T12:00:00Z')).toEqual({
      late: false,
      lateFeePence: null,
    });
  });
});

describe(`${cancellationTerms.name} under a clinic's policy`, () => {
  const startsAt = new Date('2027-06-15T10:00:00Z');
  const hoursBefore = (hours: number) => new Date(startsAt.getTime() - hours * 3_600_000);
  const byClient = (policy: CancellationPolicy, now: Date, pricePence = 6000) =>
    cancellationTerms({
      startsAt,
      now,
      pricePence,
      cancelledBy: 'client',
      wasConfirmed: true,
      policy,
    });

  it('keeps the network policy (24 h, 50%) when no policy is given', () => {
    expect(NETWORK_CANCELLATION_POLICY).toEqual({ lateFeePercent: 50, lateWindowHours: 24 });
    expect(
      cancellationTerms({
        startsAt,
        now: hoursBefore(23),
        pricePence: 6000,
        cancelledBy: 'client',
        wasConfirmed: true,
      }),
    ).toEqual({ late: true, lateFeePence: 3000 });
  });

  it('charges nothing under a 0% policy, though the cancellation is still late', () => {
    expect(byClient({ lateFeePercent: 0, lateWindowHours: 24 }, hoursBefore(1))).toEqual({
      late: true,
      lateFeePence: null,
    });
  });

  it('charges the whole price under a 100% policy', () => {
    expect(byClient({ lateFeePercent: 100, lateWindowHours: 24 }, hoursBefore(1), 4537)).toEqual({
      late: true,
      lateFeePence: 4537,
    });
  });

  it.each([
    [33, 3501, 1155], // 1155.33 -> 1155
    [75, 3501, 2625], // 2625.75 -> 2625
    [50, 4999, 2499], // 2499.5 -> 2499
    [1, 99, null], // 0.99 rounds down to nothing
  ])('at %i%% of %i pence charges %p (rounded down to the penny)', (percent, price, fee) => {
    expect(
      byClient({ lateFeePercent: percent, lateWindowHours: 24 }, hoursBefore(2), price),
    ).toEqual({ late: true, lateFeePence: fee });
  });

  it.each([
    [48, 47.99, true],
    [48, 48, false],
    [48, 30, true],
    [1, 0.99, true],
    [1, 1, false],
    [72, 71.5, true],
    [72, 72, false],
    [72, 72.01, false],
  ])(
    'with a %i-hour window, %p real hours before the start is late: %p',
    (windowHours, before, late) => {
      const terms = byClient(
        { lateFeePercent: 40, lateWindowHours: windowHours },
        hoursBefore(before),
      );
      expect(terms).toEqual({ late, lateFeePence: late ? 2400 : null });
    },
  );

  it('measures a 48-hour window in real hours across the autumn clock change', () => {
    // Starts Mon 1 Nov 2027 12:00 GMT; 48 real hours earlier is Sat 30 Oct 13:00 BST, only 47 h
    // on the wall clock (a wall-clock subtraction would call it late). At 13:30 BST it is 47.5
    // real hours ahead: late.
    const policy = { lateFeePercent: 20, lateWindowHours: 48 };
    const terms = (now: string) =>
      cancellationTerms({
        startsAt: new Date('2027-11-01T12:00:00Z'),
        now: new Date(now),
        pricePence: 6000,
        cancelledBy: 'client',
        wasConfirmed: true,
        policy,
      });
    expect(terms('2027-10-30T12:30:00Z')).toEqual({ late: true, lateFeePence: 1200 });
    expect(terms('2027-10-30T12:00:00Z')).toEqual({ late: false, lateFeePence: null });
  });

  it('charges the clinic nothing when it cancels late, whatever the policy', () => {
    expect(
      cancellationTerms({
        startsAt,
        now: hoursBefore(1),
        pricePence: 6000,
        cancelledBy: 'clinic',
        wasConfirmed: true,
        policy: { lateFeePercent: 100, lateWindowHours: 72 },
      }),
    ).toEqual({ late: true, lateFeePence: null });
  });

  it('charges nothing for letting go of an unconfirmed hold late', () => {
    expect(
      cancellationTerms({
        startsAt,
        now: hoursBefore(1),
        pricePence: 6000,
        cancelledBy: 'client',
        wasConfirmed: false,
        policy: { lateFeePercent: 100, lateWindowHours: 72 },
      }),
    ).toEqual({ late: true, lateFeePence: null });
  });
});

describe(cancellationPolicyViolation.name, () => {
  it.each([
    [{ lateFeePercent: 0, lateWindowHours: 1 }],
    [{ lateFeePercent: 100, lateWindowHours: 72 }],
    [NETWORK_CANCELLATION_POLICY],
  ])('accepts %p', (policy) => {
    expect(cancellationPolicyViolation(policy)).toBeUndefined();
  });

  it.each([
    [{ lateFeePercent: -1, lateWindowHours: 24 }, 'lateFeePercent'],
    [{ lateFeePercent: 101, lateWindowHours: 24 }, 'lateFeePercent'],
    [{ lateFeePercent: 12.5, lateWindowHours: 24 }, 'lateFeePercent'],
    [{ lateFeePercent: Number.NaN, lateWindowHours: 24 }, 'lateFeePercent'],
    [{ lateFeePercent: 50, lateWindowHours: 0 }, 'lateWindowHours'],
    [{ lateFeePercent: 50, lateWindowHours: 73 }, 'lateWindowHours'],
    [{ lateFeePercent: 50, lateWindowHours: 1.5 }, 'lateWindowHours'],
  ])('refuses %p, naming %s', (policy, field) => {
    const violation = cancellationPolicyViolation(policy);
    expect(violation?.field).toBe(field);
    expect(violation?.message).toContain(field);
  });
});

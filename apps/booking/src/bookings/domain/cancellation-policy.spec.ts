import { cancellationTerms } from './cancellation-policy';

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

import { ScheduleErrorCode } from '../schedules.errors';
import { resolveTimeOffPeriod, TimeOffPeriodInput } from './time-off-period';

const LONDON = 'Europe/London';

function resolve(input: TimeOffPeriodInput, zone: string | null = LONDON): string {
  const result = resolveTimeOffPeriod(input, zone ?? undefined);
  return result.ok
    ? `${result.period.startsAt.toISOString()}/${result.period.endsAt.toISOString()}`
    : `${result.problem.code} ${result.problem.field}`;
}

describe(resolveTimeOffPeriod.name, () => {
  it('takes two instants as they are', () => {
    expect(
      resolve({
        startsAt: new Date('2026-08-03T08:00:00Z'),
        endsAt: new Date('2026-08-03T12:00:00Z'),
      }),
    ).toBe('2026-08-03T08:00:00.000Z/2026-08-03T12:00:00.000Z');
  });

  it('reads local dates as whole days in the clinic zone, the end date included', () => {
    expect(resolve({ startDate: '2026-08-03', endDate: '2026-08-07' })).toBe(
      '2026-08-02T23:00:00.000Z/2026-08-07T23:00:00.000Z',
    );
  });

  it('allows a partial day with local times', () => {
    expect(
      resolve({
        startDate: '2026-12-01',
        startTime: '13:00',
        endDate: '2026-12-01',
        endTime: '17:00',
      }),
    ).toBe('2026-12-01T13:00:00.000Z/2026-12-01T17:00:00.000Z');
  });

  it('spans a clock change correctly', () => {
    expect(resolve({ startDate: '2026-10-24', endDate: '2026-10-26' })).toBe(
      '2026-10-23T23:00:00.000Z/2026-10-27T00:00:00.000Z',
    );
  });

  it.each<[string, TimeOffPeriodInput, string]>([
    [
      'both forms at once',
      { startsAt: new Date(), startDate: '2026-01-01', endDate: '2026-01-01' },
      'startsAt',
    ],
    ['only one instant', { startsAt: new Date() }, 'endsAt'],
    ['no period at all', {}, 'startDate'],
    ['a malformed date', { startDate: '2026-02-30', endDate: '2026-03-01' }, 'startDate'],
    [
      'a malformed time',
      { startDate: '2026-03-01', startTime: '1pm', endDate: '2026-03-01' },
      'startTime',
    ],
    ['an end before the start', { startDate: '2026-03-02', endDate: '2026-03-01' }, 'endsAt'],
    ['more than a year', { startDate: '2026-01-01', endDate: '2027-06-01' }, 'endsAt'],
  ])('refuses %s', (_case, input, field) => {
    expect(resolve(input)).toBe(`${ScheduleErrorCode.InvalidTimeOffPeriod} ${field}`);
  });

  it('refuses local dates when the therapist works in several timezones', () => {
    expect(resolve({ startDate: '2026-03-01', endDate: '2026-03-01' }, null)).toBe(
      `${ScheduleErrorCode.InvalidTimeOffPeriod} startDate`,
    );
  });
});

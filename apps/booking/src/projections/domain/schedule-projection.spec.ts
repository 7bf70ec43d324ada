import type { EventData, WorkingPatternChangedV1 } from '@app/contracts';
import { applyTimeOffApproved, applyTimeOffCancelled, TimeOffPeriod } from './time-off-projection';
import { replaceWorkingPattern } from './working-pattern-projection';

const stamp = (iso: string) => ({ eventId: iso, occurredAt: new Date(iso) });
const THERAPIST = '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c';
const CLINIC = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

function pattern(
  shifts: EventData<typeof WorkingPatternChangedV1>['shifts'],
): EventData<typeof WorkingPatternChangedV1> {
  return {
    therapistId: THERAPIST,
    clinicId: CLINIC,
    timezone: 'Europe/London',
    changedFrom: '2026-03-02',
    shifts,
  };
}

function shift(id: string, weekday: 'monday' | 'tuesday', start: string) {
  return {
    shiftId: id,
    weekday,
    start,
    end: '17:00',
    effectiveFrom: '2026-03-02',
    effectiveTo: null,
  };
}

describe(replaceWorkingPattern.name, () => {
  const monday = shift('11111111-1111-4111-8111-111111111111', 'monday', '09:00');
  const tuesday = shift('22222222-2222-4222-8222-222222222222', 'tuesday', '10:00');

  it('replaces the whole pattern: shifts the event no longer lists are gone', () => {
    const current = replaceWorkingPattern(
      undefined,
      pattern([monday, tuesday]),
      stamp('2026-03-01T10:00:00Z'),
    );
    const next = replaceWorkingPattern(current, pattern([tuesday]), stamp('2026-03-02T10:00:00Z'));
    expect(next?.shifts).toEqual([tuesday]);
  });

  it('keeps shifts in weekday order whatever the event order', () => {
    expect(
      replaceWorkingPattern(undefined, pattern([tuesday, monday]), stamp('2026-03-01T10:00:00Z'))
        ?.shifts,
    ).toEqual([monday, tuesday]);
  });

  it('ignores a pattern older than the one held', () => {
    const current = replaceWorkingPattern(
      undefined,
      pattern([tuesday]),
      stamp('2026-03-02T10:00:00Z'),
    );
    expect(
      replaceWorkingPattern(current, pattern([monday, tuesday]), stamp('2026-03-01T10:00:00Z')),
    ).toBeUndefined();
  });
});

describe('time off', () => {
  const period: TimeOffPeriod = {
    timeOffId: '33333333-3333-4333-8333-333333333333',
    therapistId: THERAPIST,
    startsAt: '2026-04-06T08:00:00+01:00',
    endsAt: '2026-04-10T17:00:00+01:00',
  };

  it('holds an approved period in UTC', () => {
    expect(applyTimeOffApproved(undefined, period, stamp('2026-03-01T10:00:00Z'))).toMatchObject({
      status: 'approved',
      startsAt: new Date('2026-04-06T07:00:00Z'),
      endsAt: new Date('2026-04-10T16:00:00Z'),
    });
  });

  it('takes a cancelled period out of the approved time off', () => {
    const approved = applyTimeOffApproved(undefined, period, stamp('2026-03-01T10:00:00Z'));
    expect(applyTimeOffCancelled(approved, period, stamp('2026-03-02T10:00:00Z'))?.status).toBe(
      'cancelled',
    );
  });

  it('does not let a late approval bring back cancelled time off', () => {
    const cancelled = applyTimeOffCancelled(undefined, period, stamp('2026-03-02T10:00:00Z'));
    expect(applyTimeOffApproved(cancelled, period, stamp('2026-03-01T10:00:00Z'))).toBeUndefined();
  });

  it('keeps a cancellation over an approval stamped in the same millisecond (two writers)', () => {
    const cancelled = applyTimeOffCancelled(undefined, period, stamp('2026-03-02T10:00:00Z'));
    expect(applyTimeOffApproved(cancelled, period, stamp('2026-03-02T10:00:00Z'))).toBeUndefined();
    const approved = applyTimeOffApproved(undefined, period, stamp('2026-03-02T10:00:00Z'));
    expect(applyTimeOffCancelled(approved, period, stamp('2026-03-02T10:00:00Z'))?.status).toBe(
      'cancelled',
    );
    expect(applyTimeOffCancelled(cancelled, period, stamp('2026-03-02T10:00:00Z'))?.status).toBe(
      'cancelled',
    );
  });
});

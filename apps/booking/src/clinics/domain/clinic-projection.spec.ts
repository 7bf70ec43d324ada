import {
  applyClinicChange,
  ClinicChange,
  ClinicProjectionState,
  WeeklyHours,
} from './clinic-projection';

const CLOSED: WeeklyHours = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};
const WEEKDAYS_9_TO_5: WeeklyHours = { ...CLOSED, monday: [{ start: '09:00', end: '17:00' }] };
const ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';

function stamp(iso: string, eventId = iso): { eventId: string; occurredAt: Date } {
  return { eventId, occurredAt: new Date(iso) };
}

function full(overrides: Partial<Extract<ClinicChange, { kind: 'full' }>> = {}): ClinicChange {
  return {
    kind: 'full',
    id: ID,
    code: 'LDS',
    name: 'Leeds',
    status: 'opening',
    timezone: 'Europe/London',
    weeklyHours: CLOSED,
    hoursExceptions: [],
    ...overrides,
  };
}

function opened(at: string): ClinicProjectionState {
  const state = applyClinicChange(undefined, full(), stamp(at));
  if (state === undefined) {
    throw new Error('clinic.opened must create the row');
  }
  return state;
}

describe(applyClinicChange.name, () => {
  it('creates the clinic from its full state', () => {
    expect(opened('2026-03-01T10:00:00Z')).toMatchObject({
      code: 'LDS',
      status: 'opening',
      detailsEventAt: new Date('2026-03-01T10:00:00Z'),
      hoursEventAt: new Date('2026-03-01T10:00:00Z'),
      statusEventAt: new Date('2026-03-01T10:00:00Z'),
    });
  });

  it('replaces hours and exceptions from clinic.hours_changed, leaving details and status', () => {
    const next = applyClinicChange(
      opened('2026-03-01T10:00:00Z'),
      {
        kind: 'hours',
        id: ID,
        timezone: 'Europe/London',
        weeklyHours: WEEKDAYS_9_TO_5,
        hoursExceptions: [{ date: '2026-04-03', ranges: [], reason: 'Good Friday' }],
      },
      stamp('2026-03-02T10:00:00Z'),
    );
    expect(next).toMatchObject({
      weeklyHours: WEEKDAYS_9_TO_5,
      hoursExceptions: [{ date: '2026-04-03', ranges: [], reason: 'Good Friday' }],
      status: 'opening',
      detailsEventAt: new Date('2026-03-01T10:00:00Z'),
    });
  });

  it('applies a late status change although newer hours arrived first', () => {
    const withHours = applyClinicChange(
      opened('2026-03-01T10:00:00Z'),
      {
        kind: 'hours',
        id: ID,
        timezone: 'Europe/London',
        weeklyHours: WEEKDAYS_9_TO_5,
        hoursExceptions: [],
      },
      stamp('2026-03-03T10:00:00Z'),
    )!;
    const next = applyClinicChange(
      withHours,
      { kind: 'status', id: ID, code: 'LDS', status: 'active' },
      stamp('2026-03-02T10:00:00Z'),
    );
    expect(next).toMatchObject({ status: 'active', weeklyHours: WEEKDAYS_9_TO_5 });
  });

  it('ignores a full state older than every aspect the row reflects', () => {
    const current = opened('2026-03-05T10:00:00Z');
    expect(
      applyClinicChange(current, full({ name: 'Old name' }), stamp('2026-03-01T10:00:00Z')),
    ).toBeUndefined();
  });

  it('takes from an older full state only the aspects no newer event touched', () => {
    const current = applyClinicChange(
      opened('2026-03-01T10:00:00Z'),
      { kind: 'status', id: ID, code: 'LDS', status: 'suspended' },
      stamp('2026-03-05T10:00:00Z'),
    )!;
    const next = applyClinicChange(
      current,
      full({ name: 'Leeds Central', status: 'active' }),
      stamp('2026-03-03T10:00:00Z'),
    );
    expect(next).toMatchObject({ name: 'Leeds Central', status: 'suspended' });
  });

  it('ignores hours or status for a clinic it has not seen opened', () => {
    expect(
      applyClinicChange(
        undefined,
        { kind: 'status', id: ID, code: 'LDS', status: 'active' },
        stamp('2026-03-01T10:00:00Z'),
      ),
    ).toBeUndefined();
  });
});

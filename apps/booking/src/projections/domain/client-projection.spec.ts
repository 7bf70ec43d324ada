import { recordErasure, replaceCarePlan, replaceEligibility } from './client-projection';

const stamp = (iso: string) => ({ eventId: iso, occurredAt: new Date(iso) });
const CLIENT = '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c';
const CLINIC = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const eligibility = {
  clientId: CLIENT,
  clinicIds: [CLINIC],
  screeningId: '6f1c2a0e-3d4b-4c5e-8f70-1a2b3c4d5e6f',
  status: 'gp_clearance_required' as const,
  validUntil: '2027-01-13',
  cause: 'screening' as const,
};
const plan = {
  carePlanId: 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
  clientId: CLIENT,
  clinicId: CLINIC,
  version: 2,
  status: 'active' as const,
  sessionsPerWeek: 2,
  weeks: 6,
  maintenanceEveryWeeks: 2,
  startsOn: '2026-03-30',
  preferredTherapistId: null,
};

describe(replaceEligibility.name, () => {
  it('replaces the status held with the newer one', () => {
    const current = replaceEligibility(
      undefined,
      eligibility,
      false,
      stamp('2026-03-01T10:00:00Z'),
    );
    expect(
      replaceEligibility(
        current,
        { ...eligibility, status: 'cleared', cause: 'gp_clearance' },
        false,
        stamp('2026-03-02T10:00:00Z'),
      ),
    ).toMatchObject({ status: 'cleared', cause: 'gp_clearance', validUntil: '2027-01-13' });
  });

  it('ignores an older status and anything about an erased client', () => {
    const current = replaceEligibility(
      undefined,
      eligibility,
      false,
      stamp('2026-03-02T10:00:00Z'),
    );
    expect(
      replaceEligibility(current, eligibility, false, stamp('2026-03-01T10:00:00Z')),
    ).toBeUndefined();
    expect(
      replaceEligibility(undefined, eligibility, true, stamp('2026-03-03T10:00:00Z')),
    ).toBeUndefined();
  });
});

describe(replaceCarePlan.name, () => {
  it('replaces a plan only with a newer version, whatever the delivery order', () => {
    const v2 = replaceCarePlan(undefined, plan, false, stamp('2026-03-02T10:00:00Z'));
    expect(
      replaceCarePlan(
        v2,
        { ...plan, version: 1, sessionsPerWeek: 3 },
        false,
        stamp('2026-03-03T10:00:00Z'),
      ),
    ).toBeUndefined();
    expect(
      replaceCarePlan(
        v2,
        { ...plan, version: 3, status: 'completed' },
        false,
        stamp('2026-03-01T10:00:00Z'),
      )?.status,
    ).toBe('completed');
  });
});

describe(recordErasure.name, () => {
  const erasure = {
    clientId: CLIENT,
    clinicIds: [CLINIC],
    erasedAt: '2026-03-10T14:32:05.120Z',
    retentionUntil: '2034-01-20',
  };

  it('records the first erasure and leaves it as it is on redelivery', () => {
    const first = recordErasure(undefined, erasure, stamp('2026-03-10T14:32:05Z'));
    expect(first).toMatchObject({
      erasedAt: new Date('2026-03-10T14:32:05.120Z'),
      retentionUntil: '2034-01-20',
    });
    expect(recordErasure(first, erasure, stamp('2026-03-11T14:32:05Z'))).toBeUndefined();
  });
});

import { CarePlanErrorCode } from '../care-plans.errors';
import { CarePlanDraft, checkCarePlan, checkPlanOpen, isCalendarDate } from './care-plan-rules';

const valid: CarePlanDraft = {
  goals: [' Walk 30 minutes without back pain ', ''],
  targetConditions: ['lower_back_pain', 'SCIATICA'],
  sessionsPerWeek: 2,
  weeks: 6,
  maintenanceEveryWeeks: 2,
  preferredTherapistId: '3C4D5E6F-7A8B-4C9D-8E0F-1A2B3C4D5E6F',
  startsOn: '2026-03-30',
  reviewOn: '2026-05-11',
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe(checkCarePlan.name, () => {
  it('accepts two sessions a week for six weeks then fortnightly maintenance', () => {
    expect(checkCarePlan(valid)).toEqual({
      status: 'active',
      goals: ['Walk 30 minutes without back pain'],
      targetConditions: ['lower_back_pain', 'sciatica'],
      sessionsPerWeek: 2,
      weeks: 6,
      maintenanceEveryWeeks: 2,
      preferredTherapistId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      startsOn: '2026-03-30',
      reviewOn: '2026-05-11',
    });
  });

  it('allows a plan without maintenance or preferred therapist', () => {
    const plan = checkCarePlan({
      ...valid,
      maintenanceEveryWeeks: null,
      preferredTherapistId: undefined,
    });
    expect([plan.maintenanceEveryWeeks, plan.preferredTherapistId]).toEqual([null, null]);
  });

  it.each([
    ['sessionsPerWeek 0', { sessionsPerWeek: 0 }],
    ['sessionsPerWeek 6', { sessionsPerWeek: 6 }],
    ['sessionsPerWeek 1.5', { sessionsPerWeek: 1.5 }],
    ['weeks 0', { weeks: 0 }],
    ['weeks 27', { weeks: 27 }],
    ['maintenance every 0 weeks', { maintenanceEveryWeeks: 0 }],
    ['maintenance every 13 weeks', { maintenanceEveryWeeks: 13 }],
  ])('rejects %s with INVALID_FREQUENCY', (_label, change) => {
    expect(codeOf(() => checkCarePlan({ ...valid, ...change }))).toBe(
      CarePlanErrorCode.InvalidFrequency,
    );
  });

  it('accepts the bounds 1-5 a week, 1-26 weeks, every 1-12 weeks', () => {
    expect(() =>
      checkCarePlan({ ...valid, sessionsPerWeek: 5, weeks: 26, maintenanceEveryWeeks: 12 }),
    ).not.toThrow();
    expect(() =>
      checkCarePlan({ ...valid, sessionsPerWeek: 1, weeks: 1, maintenanceEveryWeeks: 1 }),
    ).not.toThrow();
  });

  it('rejects an unknown condition and no condition', () => {
    expect(codeOf(() => checkCarePlan({ ...valid, targetConditions: ['migraine'] }))).toBe(
      CarePlanErrorCode.InvalidCondition,
    );
    expect(codeOf(() => checkCarePlan({ ...valid, targetConditions: [] }))).toBe(
      CarePlanErrorCode.InvalidCondition,
    );
  });

  it('needs at least one goal', () => {
    expect(codeOf(() => checkCarePlan({ ...valid, goals: ['  '] }))).toBe(
      CarePlanErrorCode.InvalidCarePlan,
    );
  });

  it('rejects a review on or before the start', () => {
    expect(codeOf(() => checkCarePlan({ ...valid, reviewOn: '2026-03-30' }))).toBe(
      CarePlanErrorCode.InvalidDate,
    );
    expect(() => checkCarePlan({ ...valid, reviewOn: '2026-03-01' })).toThrow(
      /reviewOn 2026-03-01 must be after startsOn 2026-03-30/,
    );
  });

  it('rejects a date that does not exist', () => {
    expect(codeOf(() => checkCarePlan({ ...valid, startsOn: '2026-02-30' }))).toBe(
      CarePlanErrorCode.InvalidDate,
    );
  });

  it('rejects an unknown status and a malformed preferred therapist', () => {
    expect(codeOf(() => checkCarePlan({ ...valid, status: 'paused' }))).toBe(
      CarePlanErrorCode.InvalidCarePlan,
    );
    expect(codeOf(() => checkCarePlan({ ...valid, preferredTherapistId: 'bob' }))).toBe(
      CarePlanErrorCode.InvalidCarePlan,
    );
  });
});

describe(checkPlanOpen.name, () => {
  it('lets an active plan change and refuses a closed one', () => {
    expect(() => checkPlanOpen('active', 'p')).not.toThrow();
    expect(codeOf(() => checkPlanOpen('completed', 'p'))).toBe(CarePlanErrorCode.CarePlanClosed);
    expect(codeOf(() => checkPlanOpen('discontinued', 'p'))).toBe(CarePlanErrorCode.CarePlanClosed);
  });
});

describe(isCalendarDate.name, () => {
  it('knows real dates', () => {
    expect([isCalendarDate('2028-02-29'), isCalendarDate('2026-02-29')]).toEqual([true, false]);
  });
});

import { addDays } from '../../availability/domain/calendar-date';
import { CarePlanDefaults, maintenanceTreatmentOf, resolveSeries } from './series-defaults';

const THERAPIST = '11111111-1111-4111-8111-111111111111';
const OTHER_THERAPIST = '22222222-2222-4222-8222-222222222222';
const TODAY = '2027-03-10';
const PNF_60 = '6f1d2c10-0000-4000-8000-000000000003';
const MAINTENANCE_45 = '6f1d2c10-0000-4000-8000-000000000004';

const plan: CarePlanDefaults = {
  id: 'plan-1',
  sessionsPerWeek: 2,
  weeks: 6,
  startsOn: '2027-03-15',
  preferredTherapistId: THERAPIST,
  maintenanceEveryWeeks: 4,
};

describe('resolveSeries', () => {
  it("takes the care plan's frequency, preferred therapist and start date", () => {
    expect(resolveSeries({}, plan, TODAY)).toEqual({
      therapistId: THERAPIST,
      startsOn: '2027-03-15',
      sessionsPerWeek: 2,
      weeks: 6,
      maintenance: undefined,
    });
  });

  it('lets a therapistId and startsOn in the request win over the care plan', () => {
    expect(
      resolveSeries({ therapistId: OTHER_THERAPIST, startsOn: '2027-04-01' }, plan, TODAY),
    ).toMatchObject({ therapistId: OTHER_THERAPIST, startsOn: '2027-04-01' });
  });

  it("starts tomorrow (clinic-local) when the care plan's start date is today or has passed", () => {
    const tomorrow = addDays(TODAY, 1);
    expect(resolveSeries({}, { ...plan, startsOn: '2027-02-01' }, TODAY)).toMatchObject({
      startsOn: tomorrow,
    });
    expect(resolveSeries({}, { ...plan, startsOn: TODAY }, TODAY)).toMatchObject({
      startsOn: tomorrow,
    });
    expect(resolveSeries({}, { ...plan, startsOn: tomorrow }, TODAY)).toMatchObject({
      startsOn: tomorrow,
    });
  });

  it('asks for therapistId when the care plan names no preferred therapist', () => {
    expect(resolveSeries({}, { ...plan, preferredTherapistId: null }, TODAY)).toEqual({
      field: 'therapistId',
      problem: 'care plan plan-1 names no preferred therapist; give therapistId',
    });
  });

  it('needs therapistId and startsOn without a care plan', () => {
    const frequency = { sessionsPerWeek: 1, weeks: 4 };
    expect(resolveSeries({ ...frequency, startsOn: TODAY }, undefined, TODAY)).toMatchObject({
      field: 'therapistId',
    });
    expect(resolveSeries({ ...frequency, therapistId: THERAPIST }, undefined, TODAY)).toMatchObject(
      { field: 'startsOn' },
    );
    expect(
      resolveSeries({ ...frequency, therapistId: THERAPIST, startsOn: TODAY }, undefined, TODAY),
    ).toEqual({ ...frequency, therapistId: THERAPIST, startsOn: TODAY, maintenance: undefined });
  });

  it('refuses a frequency that contradicts the care plan', () => {
    expect(resolveSeries({ weeks: 4 }, plan, TODAY)).toHaveProperty('problem');
  });

  it("places maintenance sessions at the care plan's interval", () => {
    expect(resolveSeries({ maintenanceSessions: 3 }, plan, TODAY)).toMatchObject({
      maintenance: { sessions: 3, everyWeeks: 4 },
    });
    expect(resolveSeries({ maintenanceSessions: 0 }, plan, TODAY)).toMatchObject({
      maintenance: undefined,
    });
  });

  it('refuses maintenance sessions without a care plan, or when the plan has no maintenance phase', () => {
    const request = {
      sessionsPerWeek: 1,
      weeks: 4,
      therapistId: THERAPIST,
      startsOn: TODAY,
      maintenanceSessions: 2,
    };
    expect(resolveSeries(request, undefined, TODAY)).toEqual({
      field: 'maintenanceSessions',
      problem: expect.stringContaining('give its carePlanId') as unknown,
    });
    expect(
      resolveSeries({ maintenanceSessions: 2 }, { ...plan, maintenanceEveryWeeks: null }, TODAY),
    ).toEqual({
      field: 'maintenanceSessions',
      problem: expect.stringContaining('has no maintenance phase') as unknown,
    });
  });

  it.each([-1, 13, 1.5])('refuses %p maintenance sessions', (maintenanceSessions) => {
    expect(resolveSeries({ maintenanceSessions }, plan, TODAY)).toMatchObject({
      field: 'maintenanceSessions',
      problem: expect.stringContaining('0 to 12') as unknown,
    });
  });
});

describe(maintenanceTreatmentOf.name, () => {
  it('books the maintenance sessions as the given maintenance treatment', () => {
    expect(
      maintenanceTreatmentOf({
        treatmentId: PNF_60,
        maintenanceTreatmentId: MAINTENANCE_45,
        maintenanceSessions: 2,
      }),
    ).toEqual({ maintenanceTreatmentId: MAINTENANCE_45 });
  });

  it("defaults the maintenance treatment to the series' treatment", () => {
    expect(maintenanceTreatmentOf({ treatmentId: PNF_60, maintenanceSessions: 2 })).toEqual({
      maintenanceTreatmentId: PNF_60,
    });
    expect(
      maintenanceTreatmentOf({
        treatmentId: PNF_60,
        maintenanceTreatmentId: null,
        maintenanceSessions: 2,
      }),
    ).toEqual({ maintenanceTreatmentId: PNF_60 });
  });

  it('has no maintenance treatment without maintenance sessions', () => {
    expect(maintenanceTreatmentOf({ treatmentId: PNF_60 })).toEqual({
      maintenanceTreatmentId: null,
    });
    expect(maintenanceTreatmentOf({ treatmentId: PNF_60, maintenanceSessions: 0 })).toEqual({
      maintenanceTreatmentId: null,
    });
  });

  it.each([undefined, null, 0])(
    'refuses a maintenance treatment with %p maintenance sessions, naming the field',
    (maintenanceSessions) => {
      expect(
        maintenanceTreatmentOf({
          treatmentId: PNF_60,
          maintenanceTreatmentId: MAINTENANCE_45,
          maintenanceSessions,
        }),
      ).toEqual({
        field: 'maintenanceTreatmentId',
        problem: expect.stringContaining('give maintenanceSessions too') as unknown,
      });
    },
  );
});

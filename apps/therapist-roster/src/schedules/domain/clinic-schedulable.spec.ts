import { clinicSchedulingProblem } from './clinic-schedulable';

describe(clinicSchedulingProblem.name, () => {
  it.each(['opening', 'active'] as const)('allows patterns at a clinic that is %s', (status) => {
    expect(clinicSchedulingProblem(status, 'Leeds')).toBeUndefined();
  });

  it.each(['suspended', 'closed'] as const)(
    'refuses patterns at a clinic that is %s, naming the status',
    (status) => {
      expect(clinicSchedulingProblem(status, 'Leeds')).toEqual({
        code: 'CLINIC_NOT_SCHEDULABLE',
        field: 'clinicId',
        message: `clinic Leeds is ${status}; working patterns can be set only at a clinic that is opening or active`,
      });
    },
  );
});

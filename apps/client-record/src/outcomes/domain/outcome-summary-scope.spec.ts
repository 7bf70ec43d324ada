import type { Caller } from '@app/auth';
import { outcomeSummaryScope } from './outcome-summary-scope';

const LEEDS = '11111111-1111-4111-8111-111111111111';
const YORK = '22222222-2222-4222-8222-222222222222';

function caller(role: Caller['role'], clinicIds: string[] = []): Caller {
  return { subject: role, role, clinicIds, scopes: [] };
}

describe(outcomeSummaryScope.name, () => {
  it('gives head office the network, or the clinic asked for', () => {
    expect(outcomeSummaryScope(caller('clinical_lead'), undefined)).toEqual({
      allowed: true,
      clinicIds: undefined,
    });
    expect(outcomeSummaryScope(caller('head_office_admin'), YORK)).toEqual({
      allowed: true,
      clinicIds: [YORK],
    });
  });

  it('limits a clinic manager to their own clinics', () => {
    expect(outcomeSummaryScope(caller('clinic_manager', [LEEDS]), undefined)).toEqual({
      allowed: true,
      clinicIds: [LEEDS],
    });
    expect(outcomeSummaryScope(caller('clinic_manager', [LEEDS]), LEEDS).allowed).toBe(true);
    expect(outcomeSummaryScope(caller('clinic_manager', [LEEDS]), YORK).allowed).toBe(false);
  });

  it.each(['receptionist', 'therapist', 'client', 'integrator'] as const)(
    'refuses a %s',
    (role) => {
      expect(outcomeSummaryScope(caller(role, [LEEDS]), LEEDS).allowed).toBe(false);
    },
  );
});

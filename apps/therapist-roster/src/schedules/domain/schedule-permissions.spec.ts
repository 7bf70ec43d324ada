import type { Caller, Role } from '@app/auth';
import {
  canCancelTimeOff,
  canDecideTimeOff,
  canRequestTimeOff,
  canSetWorkingPattern,
  rosterAccess,
} from './schedule-permissions';

const LEEDS = '11111111-1111-4111-8111-111111111111';
const YORK = '22222222-2222-4222-8222-222222222222';
const ADA = '33333333-3333-4333-8333-333333333333';

function caller(role: Role, clinicIds: string[] = [], therapistId?: string): Caller {
  return { subject: 'user', role, clinicIds, scopes: [], ...(therapistId ? { therapistId } : {}) };
}

describe(canSetWorkingPattern.name, () => {
  it('lets head office and the manager of that clinic set patterns', () => {
    expect(canSetWorkingPattern(caller('head_office_admin'), LEEDS)).toBe(true);
    expect(canSetWorkingPattern(caller('clinic_manager', [LEEDS]), LEEDS)).toBe(true);
  });

  it('refuses the manager of another clinic, receptionists, therapists and the clinical lead', () => {
    expect(canSetWorkingPattern(caller('clinic_manager', [YORK]), LEEDS)).toBe(false);
    expect(canSetWorkingPattern(caller('receptionist', [LEEDS]), LEEDS)).toBe(false);
    expect(canSetWorkingPattern(caller('therapist', [LEEDS], ADA), LEEDS)).toBe(false);
    expect(canSetWorkingPattern(caller('clinical_lead'), LEEDS)).toBe(false);
  });
});

describe(canDecideTimeOff.name, () => {
  it("lets head office and a manager of one of the therapist's clinics decide", () => {
    expect(canDecideTimeOff(caller('head_office_admin'), [LEEDS])).toBe(true);
    expect(canDecideTimeOff(caller('clinic_manager', [YORK]), [LEEDS, YORK])).toBe(true);
  });

  it('refuses other managers and the therapist themself', () => {
    expect(canDecideTimeOff(caller('clinic_manager', [YORK]), [LEEDS])).toBe(false);
    expect(canDecideTimeOff(caller('therapist', [LEEDS], ADA), [LEEDS])).toBe(false);
    expect(canDecideTimeOff(caller('receptionist', [LEEDS]), [LEEDS])).toBe(false);
  });
});

describe(canRequestTimeOff.name, () => {
  it('lets a therapist ask for their own time off only', () => {
    expect(canRequestTimeOff(caller('therapist', [LEEDS], ADA), ADA, [LEEDS])).toBe(true);
    expect(canRequestTimeOff(caller('therapist', [LEEDS], YORK), ADA, [LEEDS])).toBe(false);
  });

  it('lets their manager or head office ask for them, and cancel', () => {
    expect(canRequestTimeOff(caller('clinic_manager', [LEEDS]), ADA, [LEEDS])).toBe(true);
    expect(canCancelTimeOff(caller('head_office_admin'), ADA, [LEEDS])).toBe(true);
    expect(canCancelTimeOff(caller('clinic_manager', [YORK]), ADA, [LEEDS])).toBe(false);
  });
});

describe(rosterAccess.name, () => {
  it('gives head office, managers and receptionists of the clinic the whole roster', () => {
    expect(rosterAccess(caller('head_office_admin'), LEEDS)).toBe('whole_clinic');
    expect(rosterAccess(caller('clinical_lead'), LEEDS)).toBe('whole_clinic');
    expect(rosterAccess(caller('clinic_manager', [LEEDS]), LEEDS)).toBe('whole_clinic');
    expect(rosterAccess(caller('receptionist', [LEEDS]), LEEDS)).toBe('whole_clinic');
  });

  it('gives a therapist of the clinic only their own shifts', () => {
    expect(rosterAccess(caller('therapist', [LEEDS], ADA), LEEDS)).toBe('own_shifts');
  });

  it('refuses other clinics, clients and integrators', () => {
    expect(rosterAccess(caller('receptionist', [YORK]), LEEDS)).toBe('none');
    expect(rosterAccess(caller('therapist', [YORK], ADA), LEEDS)).toBe('none');
    expect(rosterAccess(caller('integrator', [LEEDS]), LEEDS)).toBe('none');
    expect(rosterAccess(caller('client'), LEEDS)).toBe('none');
  });
});

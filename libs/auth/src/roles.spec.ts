import { ROLES, isHeadOffice, isRole, roleRequirements } from './roles';

describe(isRole.name, () => {
  it('accepts every declared role', () => {
    expect(ROLES.every((role) => isRole(role))).toBe(true);
  });

  it('rejects unknown names, other casings and non-strings', () => {
    expect([isRole('nurse'), isRole('CLINIC_MANAGER'), isRole(3), isRole(undefined)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe(isHeadOffice.name, () => {
  it('counts the head office admin and the clinical lead as head office, and nobody else', () => {
    expect(ROLES.filter((role) => isHeadOffice(role))).toEqual([
      'head_office_admin',
      'clinical_lead',
    ]);
  });
});

describe(roleRequirements.name, () => {
  it('requires clinics of clinic staff and integrators, not of head office or clients', () => {
    expect(ROLES.filter((role) => roleRequirements(role).clinicIds)).toEqual([
      'clinic_manager',
      'receptionist',
      'therapist',
      'integrator',
    ]);
  });

  it('requires scopes only of integrators', () => {
    expect(ROLES.filter((role) => roleRequirements(role).scopes)).toEqual(['integrator']);
  });

  it('requires a therapist id of therapists and a client id of clients', () => {
    expect(roleRequirements('therapist').therapistId).toBe(true);
    expect(roleRequirements('client').clientId).toBe(true);
    expect(roleRequirements('clinic_manager')).toMatchObject({
      therapistId: false,
      clientId: false,
    });
  });
});

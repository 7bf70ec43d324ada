import type { Caller } from '@app/auth';
import { ROLES } from '@app/auth';
import { erasureDenialFor } from './erasure-permissions';

function caller(role: Caller['role']): Caller {
  return { subject: `user-${role}`, role, clinicIds: [], scopes: [] };
}

const ALLOWED = ['client', 'head_office_admin', 'clinic_manager'] as const;
const REFUSED = ['clinical_lead', 'receptionist', 'therapist', 'integrator'] as const;

describe(erasureDenialFor.name, () => {
  it.each(ALLOWED)('lets a %s ask', (role) => {
    expect(erasureDenialFor(caller(role))).toBeUndefined();
  });

  it.each(REFUSED)('refuses a %s and names the roles that may ask', (role) => {
    expect(erasureDenialFor(caller(role))).toMatch(/client, head office administration/);
  });

  it('covers every role in these tests', () => {
    expect([...ALLOWED, ...REFUSED].sort()).toEqual([...ROLES].sort());
  });
});

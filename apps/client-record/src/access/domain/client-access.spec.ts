import type { Caller, Role } from '@app/auth';
import { ClientPurpose, clientListScope, decideClientAccess } from './client-access';
import type { ClientScope } from './client-scope';

const LEEDS = '11111111-1111-4111-8111-111111111111';
const YORK = '22222222-2222-4222-8222-222222222222';
const CLIENT = '33333333-3333-4333-8333-333333333333';
const THERAPIST = '44444444-4444-4444-8444-444444444444';
const OTHER_THERAPIST = '55555555-5555-4555-8555-555555555555';

const scope: ClientScope = {
  clientId: CLIENT,
  clinicIds: [LEEDS],
  careTherapistIds: [THERAPIST],
  erasedAt: null,
};

function caller(role: Role, extra: Partial<Caller> = {}): Caller {
  return { subject: `user-${role}`, role, clinicIds: [], scopes: [], ...extra };
}

const ALL_PURPOSES: ClientPurpose[] = [
  'profile:read',
  'profile:write',
  'consent:read',
  'consent:write',
  'eligibility:read',
  'clinical:read',
  'clinical:write',
  'export',
  'erase',
];

function allowed(who: Caller, purposes = ALL_PURPOSES, of = scope): ClientPurpose[] {
  return purposes.filter((purpose) => decideClientAccess(who, of, purpose).allowed);
}

describe(decideClientAccess.name, () => {
  it('lets head office (admin and clinical lead) do everything for any clinic', () => {
    expect(allowed(caller('head_office_admin'))).toEqual(ALL_PURPOSES);
    expect(allowed(caller('clinical_lead'))).toEqual(ALL_PURPOSES);
  });

  it('lets a clinic manager do everything for their clinics’ clients only', () => {
    expect(allowed(caller('clinic_manager', { clinicIds: [LEEDS] }))).toEqual(ALL_PURPOSES);
    expect(allowed(caller('clinic_manager', { clinicIds: [YORK] }))).toEqual([]);
  });

  it('gives reception demographics, consent and eligibility status, never clinical data', () => {
    expect(allowed(caller('receptionist', { clinicIds: [LEEDS] }))).toEqual([
      'profile:read',
      'profile:write',
      'consent:read',
      'consent:write',
      'eligibility:read',
    ]);
    expect(allowed(caller('receptionist', { clinicIds: [YORK] }))).toEqual([]);
  });

  it('gives a therapist the clinical record of clients they treat or are booked to treat', () => {
    const treating = caller('therapist', { clinicIds: [LEEDS], therapistId: THERAPIST });
    expect(allowed(treating)).toEqual([
      'profile:read',
      'consent:read',
      'eligibility:read',
      'clinical:read',
      'clinical:write',
    ]);
    const colleague = caller('therapist', { clinicIds: [LEEDS], therapistId: OTHER_THERAPIST });
    expect(allowed(colleague)).toEqual([]);
  });

  it('gives a client their own record, export and erasure, but no clinical writes', () => {
    expect(allowed(caller('client', { clientId: CLIENT }))).toEqual(
      ALL_PURPOSES.filter((purpose) => purpose !== 'clinical:write'),
    );
    expect(allowed(caller('client', { clientId: OTHER_THERAPIST }))).toEqual([]);
  });

  it('gives an integrator eligibility status within its grant and scope only', () => {
    const granted = caller('integrator', { clinicIds: [LEEDS], scopes: ['clients:read'] });
    expect(allowed(granted)).toEqual(['eligibility:read']);
    expect(allowed({ ...granted, scopes: ['events:read'] })).toEqual([]);
    expect(allowed({ ...granted, clinicIds: [YORK] })).toEqual([]);
  });

  it('explains a denial', () => {
    const decision = decideClientAccess(
      caller('receptionist', { clinicIds: [LEEDS] }),
      scope,
      'clinical:read',
    );
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringContaining('not clinical:read'),
    });
  });
});

describe(clientListScope.name, () => {
  it('scopes lists by role', () => {
    expect(clientListScope(caller('clinical_lead'))).toEqual({ kind: 'all' });
    expect(clientListScope(caller('receptionist', { clinicIds: [LEEDS] }))).toEqual({
      kind: 'clinics',
      clinicIds: [LEEDS],
    });
    expect(clientListScope(caller('therapist', { therapistId: THERAPIST }))).toEqual({
      kind: 'therapist',
      therapistId: THERAPIST,
    });
    expect(clientListScope(caller('client', { clientId: CLIENT }))).toEqual({
      kind: 'self',
      clientId: CLIENT,
    });
    expect(clientListScope(caller('integrator', { clinicIds: [LEEDS] })).kind).toBe('none');
  });
});

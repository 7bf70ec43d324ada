import type { Caller } from '@app/auth';
import {
  maySeeContactDetails,
  scopeAllows,
  therapistProfileAccess,
  therapistReadScope,
} from './therapist-read-scope';

const LEEDS = '11111111-1111-4111-8111-111111111111';
const YORK = '22222222-2222-4222-8222-222222222222';
const SAM = '33333333-3333-4333-8333-333333333333';

function caller(overrides: Partial<Caller> & Pick<Caller, 'role'>): Caller {
  return { subject: 'user-1', clinicIds: [], scopes: [], ...overrides };
}

describe(therapistReadScope.name, () => {
  it('gives head office (admins and clinical leads) every therapist', () => {
    expect(therapistReadScope(caller({ role: 'head_office_admin' }))).toEqual({ kind: 'all' });
    expect(therapistReadScope(caller({ role: 'clinical_lead' }))).toEqual({ kind: 'all' });
  });

  it('gives clinic staff and integrators the therapists of their clinics', () => {
    for (const role of ['clinic_manager', 'receptionist', 'integrator'] as const) {
      expect(therapistReadScope(caller({ role, clinicIds: [LEEDS] }))).toEqual({
        kind: 'clinics',
        clinicIds: [LEEDS],
      });
    }
  });

  it('gives a therapist only themself, not their colleagues', () => {
    expect(
      therapistReadScope(caller({ role: 'therapist', clinicIds: [LEEDS], therapistId: SAM })),
    ).toEqual({ kind: 'self', therapistId: SAM });
  });

  it('gives clients and clinic users without clinics no one', () => {
    expect(therapistReadScope(caller({ role: 'client' }))).toEqual({ kind: 'none' });
    expect(therapistReadScope(caller({ role: 'receptionist' }))).toEqual({ kind: 'none' });
  });
});

describe(scopeAllows.name, () => {
  const atLeedsAndYork = { id: SAM, clinicIds: [LEEDS, YORK] };

  it('allows a clinic scope when the therapist works at any of its clinics', () => {
    expect(scopeAllows({ kind: 'clinics', clinicIds: [YORK] }, atLeedsAndYork)).toBe(true);
    expect(scopeAllows({ kind: 'clinics', clinicIds: [] }, atLeedsAndYork)).toBe(false);
  });

  it('allows a self scope only for that therapist', () => {
    expect(scopeAllows({ kind: 'self', therapistId: SAM }, atLeedsAndYork)).toBe(true);
    expect(scopeAllows({ kind: 'self', therapistId: LEEDS }, atLeedsAndYork)).toBe(false);
  });

  it('allows nothing for no scope', () => {
    expect(scopeAllows({ kind: 'none' }, atLeedsAndYork)).toBe(false);
  });
});

describe(maySeeContactDetails.name, () => {
  it('hides contact details from integrators only among those who can read therapists', () => {
    expect(maySeeContactDetails(caller({ role: 'integrator', clinicIds: [LEEDS] }))).toBe(false);
    expect(maySeeContactDetails(caller({ role: 'receptionist', clinicIds: [LEEDS] }))).toBe(true);
    expect(maySeeContactDetails(caller({ role: 'head_office_admin' }))).toBe(true);
  });
});

describe(therapistProfileAccess.name, () => {
  const atLeeds = { id: SAM, clinicIds: [LEEDS] };
  const OTHER = '44444444-4444-4444-8444-444444444444';
  const CLIENT = '55555555-5555-4555-8555-555555555555';

  it('gives a client the public profile of any therapist, whichever clinic they work at', () => {
    const client = caller({ role: 'client', clientId: CLIENT });
    expect(therapistProfileAccess(client, atLeeds)).toBe('public');
    expect(therapistProfileAccess(client, { id: OTHER, clinicIds: [YORK] })).toBe('public');
    expect(therapistProfileAccess(client, { id: OTHER, clinicIds: [] })).toBe('public');
  });

  it('gives an integrator the record without contact details in its grant and nothing outside it', () => {
    const integrator = caller({ role: 'integrator', clinicIds: [LEEDS] });
    expect(therapistProfileAccess(integrator, atLeeds)).toBe('no_contact');
    expect(therapistProfileAccess(integrator, { id: OTHER, clinicIds: [YORK] })).toBe('none');
  });

  it('gives staff the full record in their scope and nothing outside it', () => {
    const reception = caller({ role: 'receptionist', clinicIds: [LEEDS] });
    expect(therapistProfileAccess(reception, atLeeds)).toBe('full');
    expect(therapistProfileAccess(reception, { id: OTHER, clinicIds: [YORK] })).toBe('none');
    expect(therapistProfileAccess(caller({ role: 'head_office_admin' }), atLeeds)).toBe('full');
    expect(therapistProfileAccess(caller({ role: 'clinical_lead' }), atLeeds)).toBe('full');
  });

  it('gives a therapist their own full record and not a colleague', () => {
    const sam = caller({ role: 'therapist', clinicIds: [LEEDS], therapistId: SAM });
    expect(therapistProfileAccess(sam, atLeeds)).toBe('full');
    expect(therapistProfileAccess(sam, { id: OTHER, clinicIds: [LEEDS] })).toBe('none');
  });

  it('keeps clients out of the read scope (lists and certifications)', () => {
    const client = caller({ role: 'client', clientId: CLIENT });
    expect(scopeAllows(therapistReadScope(client), atLeeds)).toBe(false);
    expect(maySeeContactDetails(client)).toBe(false);
  });
});

import { randomUUID } from 'node:crypto';
import type { Caller } from '@app/auth';
import { clientViewFor, mayAddClinic, mayRegisterAt } from './client-permissions';

const leeds = randomUUID();
const york = randomUUID();
const clientId = randomUUID();

function caller(overrides: Partial<Caller>): Caller {
  return { subject: 's', role: 'receptionist', clinicIds: [leeds], scopes: [], ...overrides };
}

describe(mayRegisterAt.name, () => {
  it.each([
    ['head office administration anywhere', caller({ role: 'head_office_admin', clinicIds: [] })],
    ['a receptionist at their clinic', caller({ role: 'receptionist' })],
    ['a clinic manager at their clinic', caller({ role: 'clinic_manager' })],
    ['a client with a client id', caller({ role: 'client', clinicIds: [], clientId })],
  ])('allows %s', (_who, who) => {
    expect(mayRegisterAt(who, leeds).allowed).toBe(true);
  });

  it.each([
    ['a receptionist at another clinic', caller({ role: 'receptionist', clinicIds: [york] })],
    ['a manager of another clinic', caller({ role: 'clinic_manager', clinicIds: [york] })],
    ['a therapist', caller({ role: 'therapist', therapistId: randomUUID() })],
    ['a clinical lead', caller({ role: 'clinical_lead', clinicIds: [] })],
    ['an integrator', caller({ role: 'integrator', scopes: ['clients:read'] })],
    ['a client token without client id', caller({ role: 'client', clinicIds: [] })],
  ])('refuses %s', (_who, who) => {
    expect(mayRegisterAt(who, leeds).allowed).toBe(false);
  });
});

describe(mayAddClinic.name, () => {
  it("allows the new clinic's own staff, head office and the client themself", () => {
    expect(mayAddClinic(caller({ clinicIds: [york] }), clientId, york).allowed).toBe(true);
    expect(mayAddClinic(caller({ role: 'head_office_admin' }), clientId, york).allowed).toBe(true);
    expect(mayAddClinic(caller({ role: 'client', clientId }), clientId, york).allowed).toBe(true);
  });

  it('refuses staff of another clinic, another client, and a therapist', () => {
    expect(mayAddClinic(caller({ clinicIds: [leeds] }), clientId, york).allowed).toBe(false);
    expect(
      mayAddClinic(caller({ role: 'client', clientId: randomUUID() }), clientId, york).allowed,
    ).toBe(false);
    expect(
      mayAddClinic(caller({ role: 'therapist', clinicIds: [york] }), clientId, york).allowed,
    ).toBe(false);
  });
});

describe(clientViewFor.name, () => {
  it('gives integrators the id only and everyone else the profile', () => {
    expect(clientViewFor(caller({ role: 'integrator' }))).toBe('id_only');
    expect(clientViewFor(caller({ role: 'receptionist' }))).toBe('profile');
    expect(clientViewFor(caller({ role: 'therapist' }))).toBe('profile');
  });
});

import type { Caller } from './caller';
import { canActForClinic, clinicScope, hasScope } from './clinic-scope';

const LEEDS = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const YORK = 'a0e1f2d3-4c5b-4a69-8877-665544332211';

const manager: Caller = { subject: 'm', role: 'clinic_manager', clinicIds: [LEEDS], scopes: [] };
const clinicalLead: Caller = { subject: 'cl', role: 'clinical_lead', clinicIds: [], scopes: [] };

describe(clinicScope.name, () => {
  it('gives head office every clinic', () => {
    expect(clinicScope(clinicalLead)).toEqual({ all: true });
  });

  it('limits a clinic user to the clinics in their token', () => {
    expect(clinicScope(manager)).toEqual({ all: false, clinicIds: [LEEDS] });
  });

  it('limits a caller without clinics to none rather than to all', () => {
    const client: Caller = { subject: 'c', role: 'client', clinicIds: [], scopes: [] };
    expect(clinicScope(client)).toEqual({ all: false, clinicIds: [] });
  });
});

describe(canActForClinic.name, () => {
  it('lets a clinic user act for their own clinic, whatever the id casing', () => {
    expect(canActForClinic(manager, LEEDS.toUpperCase())).toBe(true);
  });

  it("refuses a clinic user another clinic's work", () => {
    expect(canActForClinic(manager, YORK)).toBe(false);
  });

  it('lets head office act for any clinic', () => {
    expect(canActForClinic(clinicalLead, YORK)).toBe(true);
  });
});

describe(hasScope.name, () => {
  it('answers from the scopes in the token', () => {
    const integrator: Caller = {
      subject: 'crm',
      role: 'integrator',
      clinicIds: [LEEDS],
      scopes: ['events:read'],
    };
    expect([hasScope(integrator, 'events:read'), hasScope(integrator, 'bookings:write')]).toEqual([
      true,
      false,
    ]);
  });
});

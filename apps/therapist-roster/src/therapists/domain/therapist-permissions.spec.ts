import type { Caller } from '@app/auth';
import {
  canChangeTherapistNetworkStatus,
  canManageClinicStaff,
  canManageTherapist,
  clinicsNotManagedBy,
  isTherapistThemself,
} from './therapist-permissions';

const LEEDS = '11111111-1111-4111-8111-111111111111';
const YORK = '22222222-2222-4222-8222-222222222222';
const HULL = '44444444-4444-4444-8444-444444444444';
const SAM = '33333333-3333-4333-8333-333333333333';

function caller(overrides: Partial<Caller> & Pick<Caller, 'role'>): Caller {
  return { subject: 'user-1', clinicIds: [], scopes: [], ...overrides };
}

describe(canManageClinicStaff.name, () => {
  it('lets a head-office admin change staff at any clinic', () => {
    expect(canManageClinicStaff(caller({ role: 'head_office_admin' }), YORK)).toBe(true);
  });

  it("lets a clinic manager change staff at their clinic but not another's", () => {
    const manager = caller({ role: 'clinic_manager', clinicIds: [LEEDS] });
    expect(canManageClinicStaff(manager, LEEDS)).toBe(true);
    expect(canManageClinicStaff(manager, YORK)).toBe(false);
  });

  it('does not let clinical leads or receptionists change staff', () => {
    expect(canManageClinicStaff(caller({ role: 'clinical_lead' }), LEEDS)).toBe(false);
    expect(canManageClinicStaff(caller({ role: 'receptionist', clinicIds: [LEEDS] }), LEEDS)).toBe(
      false,
    );
  });
});

describe(canManageTherapist.name, () => {
  it("lets a manager of any one of the therapist's clinics change them", () => {
    const manager = caller({ role: 'clinic_manager', clinicIds: [YORK] });
    expect(canManageTherapist(manager, { clinicIds: [LEEDS, YORK] })).toBe(true);
    expect(canManageTherapist(manager, { clinicIds: [LEEDS] })).toBe(false);
  });

  it('does not let a therapist manage themself', () => {
    const self = caller({ role: 'therapist', clinicIds: [LEEDS], therapistId: SAM });
    expect(canManageTherapist(self, { clinicIds: [LEEDS] })).toBe(false);
  });
});

describe(canChangeTherapistNetworkStatus.name, () => {
  it('lets a head-office admin change any therapist', () => {
    const admin = caller({ role: 'head_office_admin' });
    expect(canChangeTherapistNetworkStatus(admin, { clinicIds: [LEEDS, YORK] })).toBe(true);
  });

  it("lets a manager of every one of the therapist's clinics change them", () => {
    const manager = caller({ role: 'clinic_manager', clinicIds: [LEEDS, YORK, HULL] });
    expect(canChangeTherapistNetworkStatus(manager, { clinicIds: [LEEDS, YORK] })).toBe(true);
    expect(canChangeTherapistNetworkStatus(manager, { clinicIds: [YORK] })).toBe(true);
  });

  it("refuses a manager of only some of the therapist's clinics", () => {
    const manager = caller({ role: 'clinic_manager', clinicIds: [YORK] });
    expect(canChangeTherapistNetworkStatus(manager, { clinicIds: [LEEDS, YORK] })).toBe(false);
    expect(canChangeTherapistNetworkStatus(manager, { clinicIds: [LEEDS] })).toBe(false);
  });

  it('refuses a manager when the therapist has no clinics, and other roles', () => {
    const manager = caller({ role: 'clinic_manager', clinicIds: [YORK] });
    expect(canChangeTherapistNetworkStatus(manager, { clinicIds: [] })).toBe(false);
    for (const role of ['clinical_lead', 'receptionist', 'integrator'] as const) {
      expect(
        canChangeTherapistNetworkStatus(caller({ role, clinicIds: [LEEDS] }), {
          clinicIds: [LEEDS],
        }),
      ).toBe(false);
    }
    const self = caller({ role: 'therapist', clinicIds: [LEEDS], therapistId: SAM });
    expect(canChangeTherapistNetworkStatus(self, { clinicIds: [LEEDS] })).toBe(false);
  });
});

describe(clinicsNotManagedBy.name, () => {
  it("names the therapist's clinics the manager does not manage", () => {
    const manager = caller({ role: 'clinic_manager', clinicIds: [YORK] });
    expect(clinicsNotManagedBy(manager, { clinicIds: [LEEDS, YORK, HULL] })).toEqual([LEEDS, HULL]);
  });
});

describe(isTherapistThemself.name, () => {
  it('recognises the therapist of the token and nobody else', () => {
    const self = caller({ role: 'therapist', clinicIds: [LEEDS], therapistId: SAM });
    expect(isTherapistThemself(self, SAM)).toBe(true);
    expect(isTherapistThemself(self, YORK)).toBe(false);
    expect(isTherapistThemself(caller({ role: 'head_office_admin', therapistId: SAM }), SAM)).toBe(
      false,
    );
  });
});

import { requireClinicAccess } from '@app/platform/errors/require-clinic-access';
import { randomUUID } from 'node:crypto';
import type { Caller, Role } from '@app/auth';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { requireHeadOfficeAdmin, requireRoomManager, visibleTo } from './clinic-access';
import type { Clinic } from './domain/clinic';
import { CLOSED_ALL_WEEK } from './domain/opening-hours-rules';

const mine = randomUUID();
const theirs = randomUUID();

function caller(role: Role, clinicIds: string[] = [mine]): Caller {
  return { subject: `test-${role}`, role, clinicIds, scopes: [] };
}

describe('clinic access', () => {
  it('lets only head office admins change clinics', () => {
    expect(() => requireHeadOfficeAdmin(caller('head_office_admin', []), 'x')).not.toThrow();
    for (const role of ['clinical_lead', 'clinic_manager', 'receptionist', 'integrator'] as const) {
      expect(() => requireHeadOfficeAdmin(caller(role), 'open clinics')).toThrow(ForbiddenError);
    }
  });

  it("lets a clinic manager change the rooms of their own clinics, not another's", () => {
    expect(() => requireRoomManager(caller('clinic_manager'), mine)).not.toThrow();
    expect(() => requireRoomManager(caller('clinic_manager'), theirs)).toThrow(ForbiddenError);
    expect(() => requireRoomManager(caller('head_office_admin', []), theirs)).not.toThrow();
  });

  it('refuses rooms to readers of a clinic who do not manage it', () => {
    for (const role of ['receptionist', 'therapist', 'clinical_lead', 'integrator'] as const) {
      expect(() => requireRoomManager(caller(role), mine)).toThrow(ForbiddenError);
    }
  });

  it('lets everyone read the clinics in their scope and head office read all', () => {
    expect(() => requireClinicAccess(caller('integrator'), mine)).not.toThrow();
    expect(() => requireClinicAccess(caller('integrator'), theirs)).toThrow(ForbiddenError);
    expect(() => requireClinicAccess(caller('clinical_lead', []), theirs)).not.toThrow();
  });

  it('hides the contact details from integrators only', () => {
    const clinic: Clinic = {
      id: mine,
      code: 'LDS-01',
      name: 'Leeds',
      timezone: 'Europe/London',
      status: 'active',
      address: null,
      contact: { phone: '0113 496 0000', email: null },
      weeklyHours: CLOSED_ALL_WEEK,
      hoursExceptions: [],
      rooms: [],
      openedAt: new Date(),
    };
    expect(visibleTo(caller('integrator'), clinic).contact).toBeNull();
    expect(visibleTo(caller('receptionist'), clinic).contact).toEqual(clinic.contact);
  });
});

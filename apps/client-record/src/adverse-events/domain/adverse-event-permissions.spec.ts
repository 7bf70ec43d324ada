import type { Caller } from '@app/auth';
import {
  mayReadGovernanceQueue,
  mayReportAtClinic,
  mayReviewAdverseEvent,
} from './adverse-event-permissions';

const LEEDS = '11111111-1111-4111-8111-111111111111';
const YORK = '22222222-2222-4222-8222-222222222222';

function caller(role: Caller['role'], clinicIds: string[] = []): Caller {
  return { subject: role, role, clinicIds, scopes: [] };
}

describe(mayReportAtClinic.name, () => {
  it('lets head office report for any clinic and staff for their own', () => {
    expect(mayReportAtClinic(caller('clinical_lead'), LEEDS).allowed).toBe(true);
    expect(mayReportAtClinic(caller('clinic_manager', [LEEDS]), LEEDS).allowed).toBe(true);
  });

  it('refuses staff reporting for a clinic they do not act for', () => {
    expect(mayReportAtClinic(caller('therapist', [YORK]), LEEDS).allowed).toBe(false);
  });
});

describe(mayReadGovernanceQueue.name, () => {
  it.each([
    ['head_office_admin', true],
    ['clinical_lead', true],
    ['clinic_manager', false],
    ['therapist', false],
    ['integrator', false],
  ] as const)('%s: %s', (role, allowed) => {
    expect(mayReadGovernanceQueue(caller(role, [LEEDS])).allowed).toBe(allowed);
  });
});

describe(mayReviewAdverseEvent.name, () => {
  it('lets only a clinical lead review', () => {
    expect(mayReviewAdverseEvent(caller('clinical_lead')).allowed).toBe(true);
    expect(mayReviewAdverseEvent(caller('head_office_admin')).allowed).toBe(false);
  });
});

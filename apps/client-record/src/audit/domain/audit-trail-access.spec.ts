import type { Caller } from '@app/auth';
import { auditTrailReads, mayReadAuditTrail } from './audit-trail-access';

describe(mayReadAuditTrail.name, () => {
  it.each([
    ['head_office_admin', true],
    ['clinical_lead', true],
    ['clinic_manager', false],
    ['receptionist', false],
    ['therapist', false],
    ['client', false],
    ['integrator', false],
  ] as const)('%s: %s', (role, allowed) => {
    const caller: Caller = { subject: 's', role, clinicIds: [], scopes: [] };
    expect(mayReadAuditTrail(caller)).toBe(allowed);
  });
});

describe(auditTrailReads.name, () => {
  it('audits the client the filter names, even when the page is empty', () => {
    expect(auditTrailReads({ clientId: 'c1', clinicId: 'k1' }, [])).toEqual([
      { clientId: 'c1', clinicId: 'k1', recordType: 'audit_trail', recordId: null, action: 'read' },
    ]);
  });

  it('otherwise audits each client the page showed, once', () => {
    const reads = auditTrailReads({}, [
      { clientId: 'c1' },
      { clientId: null },
      { clientId: 'c1' },
      { clientId: 'c2' },
    ]);
    expect(reads.map((read) => read.clientId)).toEqual(['c1', 'c2']);
  });
});

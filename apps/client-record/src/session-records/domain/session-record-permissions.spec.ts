import type { Caller } from '@app/auth';
import { mayWriteSessionRecord } from './session-record-permissions';

const booking = { bookingId: 'b-1', therapistId: 't-1' };

function caller(overrides: Partial<Caller>): Caller {
  return { subject: 'user', role: 'therapist', clinicIds: ['c-1'], scopes: [], ...overrides };
}

describe(mayWriteSessionRecord.name, () => {
  it("lets the booking's therapist write", () => {
    expect(mayWriteSessionRecord(caller({ therapistId: 't-1' }), booking)).toEqual({
      allowed: true,
    });
  });

  it('refuses another therapist, even one who treats the client elsewhere', () => {
    const decision = mayWriteSessionRecord(caller({ therapistId: 't-2' }), booking);
    expect(decision).toEqual({
      allowed: false,
      reason: expect.stringContaining('only its therapist may write') as unknown,
    });
  });

  it.each([
    'clinic_manager',
    'clinical_lead',
    'head_office_admin',
    'receptionist',
    'client',
  ] as const)('refuses a %s', (role) => {
    expect(mayWriteSessionRecord(caller({ role }), booking).allowed).toBe(false);
  });
});

import { AuthError } from './auth.errors';
import { callerFromClaims, claimsFromCaller } from './caller-claims';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const OTHER_CLINIC = 'a0e1f2d3-4c5b-4a69-8877-665544332211';
const THERAPIST = '11111111-2222-4333-8444-555555555555';

function rejection(payload: Record<string, unknown>): AuthError {
  try {
    callerFromClaims(payload);
  } catch (error: unknown) {
    if (error instanceof AuthError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the claims to be rejected');
}

describe(callerFromClaims.name, () => {
  it('builds a caller from well-formed claims', () => {
    expect(
      callerFromClaims({
        sub: 'user-1',
        role: 'clinic_manager',
        clinic_ids: [CLINIC, OTHER_CLINIC],
        iss: 'ignored',
      }),
    ).toEqual({
      subject: 'user-1',
      role: 'clinic_manager',
      clinicIds: [CLINIC, OTHER_CLINIC],
      scopes: [],
    });
  });

  it('splits the space-separated scope claim of an integrator', () => {
    const caller = callerFromClaims({
      sub: 'crm',
      role: 'integrator',
      clinic_ids: [CLINIC],
      scope: 'events:read  bookings:read',
    });
    expect(caller.scopes).toEqual(['events:read', 'bookings:read']);
  });

  it('lower-cases and de-duplicates clinic ids so comparisons with database ids hold', () => {
    const caller = callerFromClaims({
      sub: 'u',
      role: 'receptionist',
      clinic_ids: [CLINIC.toUpperCase(), CLINIC],
    });
    expect(caller.clinicIds).toEqual([CLINIC]);
  });

  it('lets head office carry no clinic ids', () => {
    expect(callerFromClaims({ sub: 'ho', role: 'head_office_admin' }).clinicIds).toEqual([]);
  });

  it('keeps the therapist id of a therapist', () => {
    const caller = callerFromClaims({
      sub: 't',
      role: 'therapist',
      clinic_ids: [CLINIC],
      therapist_id: THERAPIST,
    });
    expect(caller.therapistId).toBe(THERAPIST);
  });

  it('rejects an unknown role, listing the valid ones', () => {
    const error = rejection({ sub: 'u', role: 'nurse', clinic_ids: [CLINIC] });
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.reason).toContain('`role` is "nurse"; expected one of head_office_admin,');
  });

  it('rejects a clinic id that is not a UUID, naming it', () => {
    expect(rejection({ sub: 'u', role: 'clinic_manager', clinic_ids: ['leeds'] }).reason).toBe(
      'the token claim `clinic_ids` holds "leeds", which is not a UUID',
    );
  });

  it('rejects clinic ids given as a string instead of an array', () => {
    expect(rejection({ sub: 'u', role: 'clinic_manager', clinic_ids: CLINIC }).reason).toContain(
      'must be an array of clinic UUIDs',
    );
  });

  it('rejects a missing or empty subject', () => {
    expect(rejection({ role: 'head_office_admin' }).reason).toContain('`sub`');
    expect(rejection({ sub: ' ', role: 'head_office_admin' }).reason).toContain('`sub`');
  });

  it('rejects a clinic role without clinics', () => {
    expect(rejection({ sub: 'u', role: 'receptionist' }).reason).toBe(
      'a receptionist token needs at least one clinic id in claim `clinic_ids`',
    );
  });

  it('rejects an integrator without scopes', () => {
    expect(rejection({ sub: 'crm', role: 'integrator', clinic_ids: [CLINIC] }).reason).toContain(
      'needs at least one scope',
    );
  });

  it('rejects a scope claim that is not a string', () => {
    expect(
      rejection({ sub: 'crm', role: 'integrator', clinic_ids: [CLINIC], scope: ['events:read'] })
        .reason,
    ).toContain('space-separated string');
  });

  it('rejects a therapist without a therapist id, and a malformed one', () => {
    expect(rejection({ sub: 't', role: 'therapist', clinic_ids: [CLINIC] }).reason).toContain(
      '`therapist_id`',
    );
    expect(
      rejection({ sub: 't', role: 'therapist', clinic_ids: [CLINIC], therapist_id: 'x' }).reason,
    ).toBe('the token claim `therapist_id` must be a UUID, got "x"');
  });

  it('rejects a client without a client id', () => {
    expect(rejection({ sub: 'c', role: 'client' }).reason).toContain('`client_id`');
  });

  it('tells the caller how to get a token', () => {
    expect(rejection({ sub: 'u', role: 'nurse' }).message).toContain(
      'Authorization: Bearer <token>',
    );
  });
});

describe(claimsFromCaller.name, () => {
  it('round-trips through callerFromClaims', () => {
    const caller = {
      subject: 'crm',
      role: 'integrator' as const,
      clinicIds: [CLINIC],
      scopes: ['events:read', 'bookings:read'],
    };
    expect(claimsFromCaller(caller)).toEqual({
      sub: 'crm',
      role: 'integrator',
      clinic_ids: [CLINIC],
      scope: 'events:read bookings:read',
    });
    expect(callerFromClaims({ ...claimsFromCaller(caller) })).toEqual(caller);
  });
});

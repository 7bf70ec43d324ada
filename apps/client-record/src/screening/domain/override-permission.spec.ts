import { decideOverride } from './override-permission';

describe(decideOverride.name, () => {
  it('allows a physiotherapist treating the client', () => {
    expect(
      decideOverride({ role: 'therapist', profession: 'physiotherapist', treatsClient: true }),
    ).toEqual({ allowed: true });
  });

  it('allows a clinical lead', () => {
    expect(
      decideOverride({ role: 'clinical_lead', profession: undefined, treatsClient: false }),
    ).toEqual({ allowed: true });
  });

  it.each(['sports_therapist', 'stretch_therapist'])(
    'refuses a %s even when treating the client',
    (profession) => {
      const decision = decideOverride({ role: 'therapist', profession, treatsClient: true });
      expect(decision).toMatchObject({ allowed: false });
      expect(decision.allowed ? '' : decision.reason).toContain(profession);
    },
  );

  it('refuses a therapist whose profession the roster has not told us', () => {
    expect(
      decideOverride({ role: 'therapist', profession: undefined, treatsClient: true }),
    ).toMatchObject({ allowed: false });
  });

  it('refuses a physiotherapist who does not treat the client', () => {
    expect(
      decideOverride({ role: 'therapist', profession: 'physiotherapist', treatsClient: false }),
    ).toMatchObject({ allowed: false, reason: expect.stringContaining('do not treat') as string });
  });

  it.each(['clinic_manager', 'receptionist', 'head_office_admin', 'integrator', 'client'] as const)(
    'refuses a %s',
    (role) => {
      expect(decideOverride({ role, profession: undefined, treatsClient: false })).toMatchObject({
        allowed: false,
        reason: expect.stringContaining(role) as string,
      });
    },
  );
});

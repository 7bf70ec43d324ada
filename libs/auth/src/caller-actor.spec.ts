import { actorFromCaller } from './caller-actor';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';

describe(actorFromCaller.name, () => {
  it('records a person as a user with their role', () => {
    expect(
      actorFromCaller({ subject: 'u-1', role: 'receptionist', clinicIds: [CLINIC], scopes: [] }),
    ).toEqual({ type: 'user', id: 'u-1', role: 'receptionist' });
  });

  it('records an integrator as an integrator', () => {
    expect(
      actorFromCaller({
        subject: 'crm',
        role: 'integrator',
        clinicIds: [CLINIC],
        scopes: ['events:read'],
      }).type,
    ).toBe('integrator');
  });
});

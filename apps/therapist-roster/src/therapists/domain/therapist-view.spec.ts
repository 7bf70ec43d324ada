import type { Therapist } from './therapist';
import { clientProfileOf, withoutContactDetails } from './therapist-view';

const therapist: Therapist = {
  id: '11111111-1111-4111-8111-111111111111',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@example.test',
  phone: '+44 7700 900123',
  profession: 'physiotherapist',
  hcpcNumber: 'PH12345',
  specialties: ['lower_back_pain', 'sciatica'],
  clinicIds: ['22222222-2222-4222-8222-222222222222'],
  status: 'on_leave',
  joinedAt: new Date('2024-02-01T09:00:00Z'),
  leftOn: null,
};

describe(clientProfileOf.name, () => {
  it('shows the public profile without contact details', () => {
    expect(clientProfileOf(therapist)).toEqual({
      id: therapist.id,
      givenName: 'Sam',
      familyName: 'Okafor',
      email: null,
      phone: null,
      profession: 'physiotherapist',
      hcpcNumber: 'PH12345',
      specialties: therapist.specialties,
      clinicIds: therapist.clinicIds,
      status: 'active',
      joinedAt: therapist.joinedAt,
      leftOn: null,
    });
  });

  it('keeps leave private (on_leave shows as active) and hides the leaving date', () => {
    expect(clientProfileOf({ ...therapist, status: 'on_leave' }).status).toBe('active');
    const left = clientProfileOf({ ...therapist, status: 'left', leftOn: '2026-06-30' });
    expect(left.status).toBe('left');
    expect(left.leftOn).toBeNull();
  });

  it('does not pass on a field it does not list', () => {
    const extra = { ...therapist, payrollNumber: 'P-991' } as Therapist;
    expect(Object.keys(clientProfileOf(extra))).not.toContain('payrollNumber');
  });
});

describe(withoutContactDetails.name, () => {
  it('nulls email and phone and keeps the rest (integrators in their grant)', () => {
    expect(withoutContactDetails(therapist)).toEqual({ ...therapist, email: null, phone: null });
  });
});

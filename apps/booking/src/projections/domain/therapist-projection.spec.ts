import type { TherapistState } from '@app/contracts';
import { applyCertificationState } from './certification-projection';
import { applyTherapistState } from './therapist-projection';

const stamp = (iso: string) => ({ eventId: iso, occurredAt: new Date(iso) });
const LEEDS = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const YORK = '9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d';
const therapist: TherapistState = {
  therapistId: '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c',
  givenName: 'Asha',
  familyName: 'Patel',
  profession: 'physiotherapist',
  hcpcNumber: 'PH12345',
  specialties: ['sciatica'],
  clinicIds: [LEEDS],
  status: 'active',
};

describe(applyTherapistState.name, () => {
  it('replaces the clinic list with the full list the event carries', () => {
    const current = applyTherapistState(
      undefined,
      therapist,
      undefined,
      stamp('2026-03-01T10:00:00Z'),
    );
    const next = applyTherapistState(
      current,
      { ...therapist, clinicIds: [YORK] },
      undefined,
      stamp('2026-03-02T10:00:00Z'),
    );
    expect(next?.clinicIds).toEqual([YORK]);
  });

  it('ignores an assignment older than the state it holds', () => {
    const current = applyTherapistState(
      undefined,
      { ...therapist, clinicIds: [LEEDS, YORK] },
      undefined,
      stamp('2026-03-05T10:00:00Z'),
    );
    expect(
      applyTherapistState(current, therapist, undefined, stamp('2026-03-04T10:00:00Z')),
    ).toBeUndefined();
  });

  it('keeps the leaving date through later events while the therapist stays left', () => {
    const left = applyTherapistState(
      undefined,
      { ...therapist, status: 'left' },
      '2026-04-01',
      stamp('2026-03-05T10:00:00Z'),
    );
    const updated = applyTherapistState(
      left,
      { ...therapist, status: 'left' },
      undefined,
      stamp('2026-03-06T10:00:00Z'),
    );
    expect(updated?.leftOn).toBe('2026-04-01');
    const back = applyTherapistState(updated, therapist, undefined, stamp('2026-05-01T10:00:00Z'));
    expect(back?.leftOn).toBeNull();
  });
});

describe(applyCertificationState.name, () => {
  const certification = {
    certificationId: 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
    therapistId: therapist.therapistId,
    type: 'pnf_level_1',
    issuedOn: '2025-01-01',
    expiresOn: '2027-01-01',
    verified: true,
    status: 'valid' as const,
  };

  it('records the revocation date and the day the status was true on', () => {
    const next = applyCertificationState(
      undefined,
      { ...certification, status: 'revoked' },
      { revokedOn: '2026-03-02' },
      stamp('2026-03-02T23:30:00+00:00'),
    );
    expect(next).toMatchObject({
      status: 'revoked',
      revokedOn: '2026-03-02',
      statusOn: '2026-03-02',
    });
  });

  it('does not let a late verification undo a revocation', () => {
    const revoked = applyCertificationState(
      undefined,
      { ...certification, status: 'revoked' },
      { revokedOn: '2026-03-02' },
      stamp('2026-03-02T10:00:00Z'),
    );
    expect(
      applyCertificationState(revoked, certification, {}, stamp('2026-03-01T10:00:00Z')),
    ).toBeUndefined();
  });
});

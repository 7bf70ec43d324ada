import { currentEligibility, EligibilityDecision } from './eligibility';

const decision: EligibilityDecision = {
  id: 'd1',
  clientId: 'c1',
  screeningId: 's1',
  status: 'cleared',
  cause: 'screening',
  reasons: [],
  decidedAt: new Date('2025-03-15T10:00:00Z'),
  decidedBy: 'therapist-1',
  decidedByRole: 'therapist',
  overrideReason: null,
  gpClearedOn: null,
  gpName: null,
  gpPractice: null,
  note: null,
};

describe(currentEligibility.name, () => {
  it('is not_screened without a decision', () => {
    expect(currentEligibility('c1', undefined, '2026-01-01')).toMatchObject({
      status: 'not_screened',
      validUntil: null,
      screeningId: null,
    });
  });

  it('is the latest decision while the screening counts', () => {
    expect(
      currentEligibility('c1', { decision, screenedOn: '2025-03-15' }, '2026-03-14'),
    ).toMatchObject({ status: 'cleared', cause: 'screening', validUntil: '2026-03-14' });
  });

  it('is lapsed from the lapse day, before the job has run', () => {
    const current = currentEligibility('c1', { decision, screenedOn: '2025-03-15' }, '2026-03-15');
    expect(current).toMatchObject({ status: 'lapsed', cause: 'lapse', validUntil: '2026-03-14' });
    expect(current.reasons[0]).toContain('screen the client again');
  });
});

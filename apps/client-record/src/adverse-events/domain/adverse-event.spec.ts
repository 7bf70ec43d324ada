import {
  AdverseEventFollowUp,
  flagsForGovernance,
  followUpOutstanding,
  governanceStatusOf,
} from './adverse-event';

function followUp(resolved: boolean): AdverseEventFollowUp {
  const at = new Date('2026-03-02T10:00:00Z');
  return {
    id: 'f',
    adverseEventId: 'e',
    followedUpAt: at,
    note: 'called the client',
    resolved,
    recordedBy: 'x',
    recordedAt: at,
  };
}

describe(flagsForGovernance.name, () => {
  it.each([
    ['mild', false],
    ['moderate', false],
    ['severe', true],
  ] as const)('flags a %s event: %s', (severity, flagged) => {
    expect(flagsForGovernance(severity)).toBe(flagged);
  });
});

describe(governanceStatusOf.name, () => {
  it('is open for a flagged event without a review, reviewed once reviewed', () => {
    expect(governanceStatusOf({ flaggedForGovernance: true, review: null })).toBe('open');
    const review = {
      adverseEventId: 'e',
      note: 'ok',
      reviewedBy: 'lead',
      reviewedAt: new Date(),
    };
    expect(governanceStatusOf({ flaggedForGovernance: true, review })).toBe('reviewed');
  });

  it('has no status for an event that was never flagged', () => {
    expect(governanceStatusOf({ flaggedForGovernance: false, review: null })).toBeUndefined();
  });
});

describe(followUpOutstanding.name, () => {
  it('is outstanding while a required follow-up has no resolving entry', () => {
    expect(followUpOutstanding({ followUpRequired: true, followUps: [] })).toBe(true);
    expect(followUpOutstanding({ followUpRequired: true, followUps: [followUp(false)] })).toBe(
      true,
    );
    expect(
      followUpOutstanding({ followUpRequired: true, followUps: [followUp(false), followUp(true)] }),
    ).toBe(false);
  });

  it('is never outstanding when no follow-up was required', () => {
    expect(followUpOutstanding({ followUpRequired: false, followUps: [] })).toBe(false);
  });
});

import { SessionRecordErrorCode } from '../session-records.errors';
import {
  SessionContentDraft,
  checkAmendmentReason,
  checkPainScore,
  checkRangeOfMotion,
  checkSessionContent,
  checkTechniques,
  nextVersion,
} from './session-content';

const valid: SessionContentDraft = {
  painBefore: 6,
  painAfter: 3,
  rangeOfMotion: [{ joint: 'hip', movement: 'flexion', side: 'left', degrees: 95 }],
  techniques: ['pnf_contract_relax', 'static'],
  notes: '  Hamstrings tight on the left. ',
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe(checkSessionContent.name, () => {
  it('accepts a complete session and trims the notes', () => {
    expect(checkSessionContent(valid)).toEqual({
      painBefore: 6,
      painAfter: 3,
      rangeOfMotion: [{ joint: 'hip', movement: 'flexion', side: 'left', degrees: 95 }],
      techniques: ['pnf_contract_relax', 'static'],
      notes: 'Hamstrings tight on the left.',
    });
  });

  it('treats missing notes as empty', () => {
    expect(checkSessionContent({ ...valid, notes: null }).notes).toBe('');
  });

  it('rejects notes over 10,000 characters', () => {
    expect(codeOf(() => checkSessionContent({ ...valid, notes: 'x'.repeat(10_001) }))).toBe(
      SessionRecordErrorCode.InvalidNotes,
    );
  });
});

describe(checkPainScore.name, () => {
  it.each([0, 5, 10])('accepts %d', (score) => {
    expect(checkPainScore('painBefore', score)).toBe(score);
  });

  it.each([-1, 11, 4.5, Number.NaN])('rejects %d with INVALID_PAIN_SCORE', (score) => {
    expect(codeOf(() => checkPainScore('painAfter', score))).toBe(
      SessionRecordErrorCode.InvalidPainScore,
    );
  });

  it('names the field and the scale in the message', () => {
    expect(() => checkPainScore('painAfter', 12)).toThrow(/painAfter 12 .* 0 .* 10/);
  });
});

describe(checkRangeOfMotion.name, () => {
  const entry = { joint: 'knee', movement: 'extension', side: 'right', degrees: 0 };

  it('normalises case and keeps the measurement', () => {
    expect(checkRangeOfMotion([{ ...entry, joint: 'KNEE', degrees: 360 }])).toEqual([
      { joint: 'knee', movement: 'extension', side: 'right', degrees: 360 },
    ]);
  });

  it.each([
    ['an unknown joint', { ...entry, joint: 'toe' }],
    ['an unknown movement', { ...entry, movement: 'twist' }],
    ['an unknown side', { ...entry, side: 'both' }],
    ['negative degrees', { ...entry, degrees: -1 }],
    ['more than 360 degrees', { ...entry, degrees: 361 }],
  ])('rejects %s', (_label, bad) => {
    expect(codeOf(() => checkRangeOfMotion([bad]))).toBe(
      SessionRecordErrorCode.InvalidRangeOfMotion,
    );
  });

  it('rejects the same joint, movement and side measured twice', () => {
    expect(codeOf(() => checkRangeOfMotion([entry, { ...entry, degrees: 5 }]))).toBe(
      SessionRecordErrorCode.InvalidRangeOfMotion,
    );
  });

  it('says which entry is wrong', () => {
    expect(() => checkRangeOfMotion([entry, { ...entry, joint: 'toe' }])).toThrow(
      /rangeOfMotion\[1\]: unknown joint "toe"/,
    );
  });
});

describe(checkTechniques.name, () => {
  it('accepts PNF and other known techniques, once each', () => {
    expect(checkTechniques(['pnf_hold_relax', 'PNF_HOLD_RELAX', 'myofascial_release'])).toEqual([
      'pnf_hold_relax',
      'myofascial_release',
    ]);
  });

  it('rejects an unknown technique', () => {
    expect(codeOf(() => checkTechniques(['acupuncture']))).toBe(
      SessionRecordErrorCode.InvalidTechnique,
    );
  });

  it('needs at least one technique', () => {
    expect(codeOf(() => checkTechniques([]))).toBe(SessionRecordErrorCode.InvalidTechnique);
  });
});

describe(checkAmendmentReason.name, () => {
  it('keeps a trimmed reason', () => {
    expect(checkAmendmentReason('  wrong pain score ')).toBe('wrong pain score');
  });

  it.each(['', '   ', null, undefined])('requires a reason (%p)', (reason) => {
    expect(codeOf(() => checkAmendmentReason(reason))).toBe(
      SessionRecordErrorCode.AmendmentReasonRequired,
    );
  });

  it('rejects a reason over 2,000 characters', () => {
    expect(codeOf(() => checkAmendmentReason('x'.repeat(2001)))).toBe(
      SessionRecordErrorCode.AmendmentReasonRequired,
    );
  });
});

describe(nextVersion.name, () => {
  it('numbers amendments after the current version', () => {
    expect([nextVersion(1), nextVersion(2)]).toEqual([2, 3]);
  });
});

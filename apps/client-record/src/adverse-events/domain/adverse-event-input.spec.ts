import { AdverseEventError } from '../adverse-events.errors';
import {
  ReportAdverseEventDraft,
  validateAdverseEventReport,
  validateFollowUp,
} from './adverse-event-input';

const NOW = new Date('2026-03-10T12:00:00Z');

function draft(overrides: Partial<ReportAdverseEventDraft> = {}): ReportAdverseEventDraft {
  return {
    type: 'bruising',
    severity: 'mild',
    occurredAt: new Date('2026-03-09T15:00:00Z'),
    actionsTaken: ' Ice pack, advised rest ',
    followUpRequired: true,
    followUpDueOn: '2026-03-12',
    ...overrides,
  };
}

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error: unknown) {
    return error instanceof AdverseEventError ? error.code : 'not an AdverseEventError';
  }
}

describe(validateAdverseEventReport.name, () => {
  it('accepts a report and trims its text', () => {
    expect(validateAdverseEventReport(draft({ description: '  ' }), NOW)).toEqual({
      type: 'bruising',
      description: null,
      severity: 'mild',
      occurredAt: new Date('2026-03-09T15:00:00Z'),
      actionsTaken: 'Ice pack, advised rest',
      followUpRequired: true,
      followUpDueOn: '2026-03-12',
    });
  });

  it.each([
    ['an unknown type', { type: 'headache' }, 'INVALID_ADVERSE_EVENT_TYPE'],
    ['an unknown severity', { severity: 'catastrophic' }, 'INVALID_ADVERSE_EVENT_SEVERITY'],
    ['type other without a description', { type: 'other' }, 'ADVERSE_EVENT_DESCRIPTION_REQUIRED'],
    [
      'type other with a blank description',
      { type: 'other', description: '   ' },
      'ADVERSE_EVENT_DESCRIPTION_REQUIRED',
    ],
    [
      'an event in the future (beyond clock skew)',
      { occurredAt: new Date('2026-03-10T12:06:00Z') },
      'ADVERSE_EVENT_IN_FUTURE',
    ],
    ['an invalid date-time', { occurredAt: new Date('nonsense') }, 'INVALID_DATE_TIME'],
    ['no actions taken', { actionsTaken: ' ' }, 'INVALID_ADVERSE_EVENT_TEXT'],
    [
      'a description over 2000 characters',
      { description: 'x'.repeat(2001) },
      'INVALID_ADVERSE_EVENT_TEXT',
    ],
    [
      'a required follow-up without a due date',
      { followUpDueOn: null },
      'INVALID_ADVERSE_EVENT_FOLLOW_UP',
    ],
    [
      'a due date that is not a date',
      { followUpDueOn: '2026-02-30' },
      'INVALID_ADVERSE_EVENT_FOLLOW_UP',
    ],
    [
      'a due date before the event',
      { followUpDueOn: '2026-03-08' },
      'INVALID_ADVERSE_EVENT_FOLLOW_UP',
    ],
    [
      'a due date without a required follow-up',
      { followUpRequired: false },
      'INVALID_ADVERSE_EVENT_FOLLOW_UP',
    ],
  ])('refuses %s', (_case, overrides, code) => {
    expect(codeOf(() => validateAdverseEventReport(draft(overrides), NOW))).toBe(code);
  });

  it('accepts an event a few minutes "ahead" (clock skew) and one without follow-up', () => {
    const report = validateAdverseEventReport(
      draft({
        occurredAt: new Date('2026-03-10T12:04:00Z'),
        followUpRequired: false,
        followUpDueOn: null,
      }),
      NOW,
    );
    expect(report).toMatchObject({ followUpRequired: false, followUpDueOn: null });
  });

  it('keeps a description of type other', () => {
    expect(
      validateAdverseEventReport(draft({ type: 'other', description: ' Nausea ' }), NOW),
    ).toMatchObject({ type: 'other', description: 'Nausea' });
  });
});

describe(validateFollowUp.name, () => {
  const occurred = new Date('2026-03-09T15:00:00Z');

  it('defaults the follow-up time to now', () => {
    expect(validateFollowUp({ note: ' Better ', resolved: true }, occurred, NOW)).toEqual({
      note: 'Better',
      followedUpAt: NOW,
      resolved: true,
    });
  });

  it.each([
    ['an empty note', { note: '', resolved: false }, 'INVALID_ADVERSE_EVENT_TEXT'],
    [
      'a follow-up before the event',
      { note: 'x', resolved: false, followedUpAt: new Date('2026-03-09T14:00:00Z') },
      'INVALID_ADVERSE_EVENT_FOLLOW_UP',
    ],
    [
      'a follow-up in the future',
      { note: 'x', resolved: false, followedUpAt: new Date('2026-03-11T12:00:00Z') },
      'ADVERSE_EVENT_IN_FUTURE',
    ],
  ])('refuses %s', (_case, followUp, code) => {
    expect(codeOf(() => validateFollowUp(followUp, occurred, NOW))).toBe(code);
  });
});

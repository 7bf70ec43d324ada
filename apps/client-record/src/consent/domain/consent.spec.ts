import { randomUUID } from 'node:crypto';
import {
  checkConsentChange,
  ConsentChange,
  ConsentChangeDraft,
  ConsentEntry,
  currentConsents,
  outcomeOf,
} from './consent';

const NOW = new Date('2026-03-10T12:00:00Z');
const FORM = randomUUID();

function problemOf(draft: ConsentChangeDraft, role: 'receptionist' | 'client' = 'receptionist') {
  const check = checkConsentChange(draft, role, NOW);
  return check.ok ? undefined : check.problem.code;
}

function entry(overrides: Partial<ConsentEntry>): ConsentEntry {
  return {
    id: randomUUID(),
    clientId: 'c',
    kind: 'marketing',
    channel: 'email',
    granted: true,
    formVersionId: null,
    method: 'online',
    effectiveAt: NOW,
    recordedAt: NOW,
    recordedBySubject: 's',
    recordedByRole: 'client',
    ...overrides,
  };
}

describe(checkConsentChange.name, () => {
  it('accepts a treatment grant with its form version, effective now by default', () => {
    expect(
      checkConsentChange(
        { kind: 'treatment', granted: true, method: 'paper', formVersionId: FORM },
        'receptionist',
        NOW,
      ),
    ).toEqual({
      ok: true,
      change: {
        kind: 'treatment',
        channel: null,
        granted: true,
        method: 'paper',
        formVersionId: FORM,
        effectiveAt: NOW,
      },
    });
  });

  it('requires the form version to grant treatment, but not to withdraw it', () => {
    expect(problemOf({ kind: 'treatment', granted: true, method: 'in_person' })).toBe(
      'FORM_VERSION_REQUIRED',
    );
    expect(problemOf({ kind: 'treatment', granted: false, method: 'in_person' })).toBeUndefined();
  });

  it('refuses a channel on treatment consent', () => {
    expect(problemOf({ kind: 'treatment', channel: 'sms', granted: false, method: 'phone' })).toBe(
      'CHANNEL_NOT_ALLOWED',
    );
  });

  it('requires a channel for service messages and marketing', () => {
    expect(problemOf({ kind: 'service_messages', granted: true, method: 'online' })).toBe(
      'CHANNEL_REQUIRED',
    );
    expect(problemOf({ kind: 'marketing', granted: true, method: 'online' })).toBe(
      'CHANNEL_REQUIRED',
    );
  });

  it('lets a client record their own consent online only', () => {
    const draft = { kind: 'marketing', channel: 'sms', granted: true } as const;
    expect(problemOf({ ...draft, method: 'online' }, 'client')).toBeUndefined();
    expect(problemOf({ ...draft, method: 'paper' }, 'client')).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses a future effectiveAt and one more than a year back', () => {
    const draft = { kind: 'marketing', channel: 'sms', granted: true, method: 'paper' } as const;
    expect(problemOf({ ...draft, effectiveAt: new Date(NOW.getTime() + 60_000) })).toBe(
      'INVALID_EFFECTIVE_AT',
    );
    expect(problemOf({ ...draft, effectiveAt: new Date('2025-03-01T00:00:00Z') })).toBe(
      'INVALID_EFFECTIVE_AT',
    );
    expect(problemOf({ ...draft, effectiveAt: new Date('2026-01-01T00:00:00Z') })).toBeUndefined();
  });
});

describe(currentConsents.name, () => {
  it('keeps the newest entry per kind and channel', () => {
    const newest = entry({ granted: false });
    const older = entry({ granted: true });
    const sms = entry({ channel: 'sms' });
    const treatment = entry({ kind: 'treatment', channel: null, formVersionId: FORM });
    expect(currentConsents([newest, sms, older, treatment])).toEqual([newest, sms, treatment]);
  });
});

describe(outcomeOf.name, () => {
  const grant: ConsentChange = {
    kind: 'treatment',
    channel: null,
    granted: true,
    method: 'paper',
    formVersionId: FORM,
    effectiveAt: NOW,
  };

  it('records a first grant', () => {
    expect(outcomeOf(undefined, grant)).toBe('record');
  });

  it('changes nothing when the same grant is repeated', () => {
    expect(outcomeOf(entry({ kind: 'treatment', channel: null, formVersionId: FORM }), grant)).toBe(
      'unchanged',
    );
  });

  it('records a grant of a newer form version', () => {
    expect(
      outcomeOf(entry({ kind: 'treatment', channel: null, formVersionId: randomUUID() }), grant),
    ).toBe('record');
  });

  it('records a withdrawal of a granted consent, refuses one of a consent not granted', () => {
    const withdrawal = { ...grant, granted: false, formVersionId: null };
    expect(outcomeOf(entry({ granted: true }), withdrawal)).toBe('record');
    expect(outcomeOf(entry({ granted: false }), withdrawal)).toBe('not_granted');
    expect(outcomeOf(undefined, withdrawal)).toBe('not_granted');
  });
});

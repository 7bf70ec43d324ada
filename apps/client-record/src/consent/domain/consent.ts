import type { Role } from '@app/auth';
import type { ConsentKind } from '../../consent-forms/domain/consent-form';

export type { ConsentKind };

export const CONSENT_CHANNELS = ['email', 'sms'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const CONSENT_METHODS = ['in_person', 'online', 'paper', 'phone'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** How far back a consent given on paper or by phone may be recorded. */
export const MAX_BACKDATE_DAYS = 365;

/** One row of the ledger: a grant or a withdrawal, never changed afterwards. */
export interface ConsentEntry {
  readonly id: string;
  readonly clientId: string;
  readonly kind: ConsentKind;
  /** Null for treatment; email or sms for service messages and marketing. */
  readonly channel: ConsentChannel | null;
  readonly granted: boolean;
  readonly formVersionId: string | null;
  readonly method: ConsentMethod;
  /** When the client gave or withdrew it. */
  readonly effectiveAt: Date;
  /** When it was written down here. */
  readonly recordedAt: Date;
  readonly recordedBySubject: string;
  readonly recordedByRole: string;
}

export interface ConsentChangeDraft {
  readonly kind: ConsentKind;
  readonly channel?: ConsentChannel | null;
  readonly granted: boolean;
  readonly method: ConsentMethod;
  readonly formVersionId?: string | null;
  readonly effectiveAt?: Date | null;
}

/** A change that passed the rules, ready to be compared with the current state. */
export interface ConsentChange {
  readonly kind: ConsentKind;
  readonly channel: ConsentChannel | null;
  readonly granted: boolean;
  readonly method: ConsentMethod;
  readonly formVersionId: string | null;
  readonly effectiveAt: Date;
}

export type ConsentProblemCode =
  | 'CHANNEL_REQUIRED'
  | 'CHANNEL_NOT_ALLOWED'
  | 'FORM_VERSION_REQUIRED'
  | 'METHOD_NOT_ALLOWED'
  | 'INVALID_EFFECTIVE_AT';

export interface ConsentProblem {
  readonly code: ConsentProblemCode;
  readonly field: string;
  readonly message: string;
}

export type ConsentChangeCheck =
  | { readonly ok: true; readonly change: ConsentChange }
  | { readonly ok: false; readonly problem: ConsentProblem };

function problem(code: ConsentProblemCode, field: string, message: string): ConsentChangeCheck {
  return { ok: false, problem: { code, field, message } };
}

/**
 * The ledger's rules for one grant or withdrawal by a caller with `role`, at `now`:
 * treatment has no channel and a grant names the consent form version agreed to; service
 * messages and marketing are per channel; a client records their own consent online only;
 * a consent given earlier (paper, phone) may be back-dated up to MAX_BACKDATE_DAYS, never
 * future-dated.
 */
export function checkConsentChange(
  draft: ConsentChangeDraft,
  role: Role,
  now: Date,
): ConsentChangeCheck {
  const channel = draft.channel ?? null;
  if (draft.kind === 'treatment' && channel !== null) {
    return problem(
      'CHANNEL_NOT_ALLOWED',
      'channel',
      'treatment consent has no channel; leave channel out',
    );
  }
  if (draft.kind !== 'treatment' && channel === null) {
    return problem(
      'CHANNEL_REQUIRED',
      'channel',
      `${draft.kind} consent is given per channel; say which: email or sms`,
    );
  }
  const formVersionId = draft.formVersionId ?? null;
  if (draft.kind === 'treatment' && draft.granted && formVersionId === null) {
    return problem(
      'FORM_VERSION_REQUIRED',
      'formVersionId',
      'a treatment consent names the consent form version the client agreed to; give formVersionId (see consentForms)',
    );
  }
  if (role === 'client' && draft.method !== 'online') {
    return problem(
      'METHOD_NOT_ALLOWED',
      'method',
      'a client records their own consent online; use method online',
    );
  }
  const effectiveAt = draft.effectiveAt ?? now;
  if (effectiveAt.getTime() > now.getTime()) {
    return problem(
      'INVALID_EFFECTIVE_AT',
      'effectiveAt',
      'effectiveAt is in the future; record a consent once it has been given',
    );
  }
  if (now.getTime() - effectiveAt.getTime() > MAX_BACKDATE_DAYS * 86_400_000) {
    return problem(
      'INVALID_EFFECTIVE_AT',
      'effectiveAt',
      `effectiveAt is more than ${MAX_BACKDATE_DAYS} days ago; ask the client to confirm their consent again`,
    );
  }
  return {
    ok: true,
    change: {
      kind: draft.kind,
      channel,
      granted: draft.granted,
      method: draft.method,
      formVersionId,
      effectiveAt,
    },
  };
}

/** The key one consent state is kept under: kind and channel. */
export function consentKey(entry: Pick<ConsentEntry, 'kind' | 'channel'>): string {
  return `${entry.kind}/${entry.channel ?? '-'}`;
}

/** The current state per kind and channel: the newest entry of each (entries newest first). */
export function currentConsents(newestFirst: readonly ConsentEntry[]): ConsentEntry[] {
  const seen = new Set<string>();
  const current: ConsentEntry[] = [];
  for (const entry of newestFirst) {
    const key = consentKey(entry);
    if (!seen.has(key)) {
      seen.add(key);
      current.push(entry);
    }
  }
  return current;
}

export type ConsentOutcome = 'record' | 'unchanged' | 'not_granted';

/**
 * What a change means against the current entry of its kind and channel: a grant that
 * repeats the current grant (same form version) changes nothing; a withdrawal of something
 * not granted is refused; anything else is recorded as a new entry.
 */
export function outcomeOf(
  current: ConsentEntry | undefined,
  change: ConsentChange,
): ConsentOutcome {
  const granted = current?.granted ?? false;
  if (!change.granted) {
    return granted ? 'record' : 'not_granted';
  }
  return granted && current?.formVersionId === change.formVersionId ? 'unchanged' : 'record';
}

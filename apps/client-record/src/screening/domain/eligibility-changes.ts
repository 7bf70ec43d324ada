import { ScreeningErrorCode } from '../screening.errors';
import { CalendarDate, addDays, isCalendarDate } from './calendar-date';
import type { CurrentEligibility } from './eligibility';
import { MAX_TEXT_LENGTH } from './screening-input';
import type { Checked, ScreeningProblem } from './screening-problem';
import type { ScreeningOutcome } from './screening-terms';

export const MAX_OVERRIDE_REASON_LENGTH = 1000;

function problem(code: ScreeningErrorCode, field: string, message: string): Checked<never> {
  return { ok: false, problem: { code, field, message } satisfies ScreeningProblem };
}

/** A change needs a current (not lapsed) screening to rest on. */
export function requireCurrentScreening(current: CurrentEligibility): ScreeningProblem | undefined {
  if (current.status === 'not_screened') {
    return {
      code: ScreeningErrorCode.ScreeningRequired,
      field: 'clientId',
      message: `client ${current.clientId} has not been screened; record a screening first`,
    };
  }
  if (current.status === 'lapsed') {
    return {
      code: ScreeningErrorCode.ScreeningRequired,
      field: 'clientId',
      message: `client ${current.clientId}'s screening lapsed (valid until ${current.validUntil ?? 'unknown'}); record a new screening first`,
    };
  }
  return undefined;
}

export interface ValidOverride {
  readonly status: ScreeningOutcome;
  readonly reason: string;
}

/** An override needs a reason a colleague or the regulator can follow. */
export function checkOverride(input: {
  readonly status: ScreeningOutcome;
  readonly reason: string | null | undefined;
}): Checked<ValidOverride> {
  const reason = input.reason?.trim() ?? '';
  if (reason.length === 0) {
    return problem(
      ScreeningErrorCode.OverrideReasonRequired,
      'reason',
      'an override needs a reason: say why the screening outcome does not apply (e.g. "fracture healed, confirmed on X-ray 2026-01-10")',
    );
  }
  if (reason.length > MAX_OVERRIDE_REASON_LENGTH) {
    return problem(
      ScreeningErrorCode.OverrideReasonRequired,
      'reason',
      `reason is ${reason.length} characters; keep it to ${MAX_OVERRIDE_REASON_LENGTH}`,
    );
  }
  return { ok: true, value: { status: input.status, reason } };
}

export interface GpClearanceDraft {
  readonly clearedOn: string;
  readonly gpName: string;
  readonly gpPractice?: string | null;
  readonly note?: string | null;
}

export interface ValidGpClearance {
  readonly clearedOn: CalendarDate;
  readonly gpName: string;
  readonly gpPractice: string | null;
  readonly note: string | null;
}

/**
 * A GP clearance clears a client waiting for one (`gp_clearance_required`). It cannot
 * change `not_suitable` (those flags need urgent care or investigation first; only a
 * clinical override can) and is not needed for a cleared client. The clearance must be
 * dated on or after the screening and not in the future.
 */
export function checkGpClearance(
  draft: GpClearanceDraft,
  current: CurrentEligibility,
  screenedOn: CalendarDate,
  today: CalendarDate,
): Checked<ValidGpClearance> {
  if (current.status === 'not_suitable') {
    return problem(
      ScreeningErrorCode.GpClearanceNotApplicable,
      'clientId',
      `client ${current.clientId} is not suitable for treatment; a GP clearance cannot change that. A physiotherapist or clinical lead may override with a reason, or screen the client again`,
    );
  }
  if (current.status !== 'gp_clearance_required') {
    return problem(
      ScreeningErrorCode.GpClearanceNotApplicable,
      'clientId',
      `client ${current.clientId} is ${current.status}, not waiting for GP clearance; nothing to clear`,
    );
  }
  if (!isCalendarDate(draft.clearedOn)) {
    return problem(
      ScreeningErrorCode.InvalidGpClearance,
      'clearedOn',
      `clearedOn "${draft.clearedOn}" is not a date; use YYYY-MM-DD, the date on the GP's letter`,
    );
  }
  if (draft.clearedOn > addDays(today, 1) || draft.clearedOn < screenedOn) {
    return problem(
      ScreeningErrorCode.InvalidGpClearance,
      'clearedOn',
      `clearedOn ${draft.clearedOn} must be between the screening (${screenedOn}) and today; use the date on the GP's letter`,
    );
  }
  const gpName = draft.gpName.trim();
  const gpPractice = draft.gpPractice?.trim() ?? '';
  const note = draft.note?.trim() ?? '';
  if (gpName.length === 0 || gpName.length > MAX_TEXT_LENGTH) {
    return problem(
      ScreeningErrorCode.InvalidGpClearance,
      'gpName',
      `gpName: name the GP (or practice) who gave the clearance, 1–${MAX_TEXT_LENGTH} characters`,
    );
  }
  if (gpPractice.length > MAX_TEXT_LENGTH || note.length > MAX_OVERRIDE_REASON_LENGTH) {
    return problem(
      ScreeningErrorCode.InvalidGpClearance,
      gpPractice.length > MAX_TEXT_LENGTH ? 'gpPractice' : 'note',
      `gpPractice may be up to ${MAX_TEXT_LENGTH} characters and note up to ${MAX_OVERRIDE_REASON_LENGTH}`,
    );
  }
  return {
    ok: true,
    value: {
      clearedOn: draft.clearedOn,
      gpName,
      gpPractice: gpPractice.length > 0 ? gpPractice : null,
      note: note.length > 0 ? note : null,
    },
  };
}

export function gpClearanceReason(clearedOn: CalendarDate): string {
  return `GP clearance on ${clearedOn}`;
}

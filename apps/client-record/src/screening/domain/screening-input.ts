import { ScreeningErrorCode } from '../screening.errors';
import { addDays, CalendarDate, isCalendarDate } from './calendar-date';
import type { Checked, ScreeningProblem } from './screening-problem';
import { SCREENING_VALID_MONTHS, lapsesOn } from './screening-lapse';
import type { Condition, ConditionDuration, RedFlag } from './screening-terms';

export const MAX_TEXT_LENGTH = 200;
export const MAX_MEDICATIONS = 30;

/** A screening as staff enter it at intake. */
export interface ScreeningDraft {
  readonly conditions: readonly Condition[];
  readonly otherConditionDescription?: string | null;
  readonly duration: ConditionDuration;
  readonly baselinePain: number;
  readonly medications?: readonly string[] | null;
  readonly redFlags: readonly RedFlag[];
  readonly screenedOn: string;
}

/** A draft that passed every check, normalised (trimmed, de-duplicated). */
export interface ValidScreening {
  readonly conditions: readonly Condition[];
  readonly otherConditionDescription: string | null;
  readonly duration: ConditionDuration;
  readonly baselinePain: number;
  readonly medications: readonly string[];
  readonly redFlags: readonly RedFlag[];
  readonly screenedOn: CalendarDate;
  readonly lapsesOn: CalendarDate;
}

function problem(code: ScreeningErrorCode, field: string, message: string): Checked<never> {
  return { ok: false, problem: { code, field, message } satisfies ScreeningProblem };
}

/** NPRS: a whole number from 0 (no pain) to 10 (worst pain imaginable). */
export function isPainScore(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 10;
}

/**
 * Checks a screening draft against `today` (UTC): NPRS 0–10; a real screening date no later
 * than tomorrow (clinics ahead of UTC) and not so old it has already lapsed; at least one
 * condition; a description exactly when `other` is among them; medications short, non-blank.
 */
export function checkScreening(
  draft: ScreeningDraft,
  today: CalendarDate,
): Checked<ValidScreening> {
  if (!isPainScore(draft.baselinePain)) {
    return problem(
      ScreeningErrorCode.InvalidPainScore,
      'baselinePain',
      `baselinePain ${draft.baselinePain} is not an NPRS score: enter a whole number from 0 (no pain) to 10 (worst pain imaginable)`,
    );
  }
  if (!isCalendarDate(draft.screenedOn)) {
    return problem(
      ScreeningErrorCode.InvalidScreeningDate,
      'screenedOn',
      `screenedOn "${draft.screenedOn}" is not a date; use YYYY-MM-DD, e.g. 2026-03-31`,
    );
  }
  if (draft.screenedOn > addDays(today, 1)) {
    return problem(
      ScreeningErrorCode.InvalidScreeningDate,
      'screenedOn',
      `screenedOn ${draft.screenedOn} is in the future; enter the day the screening was done`,
    );
  }
  if (lapsesOn(draft.screenedOn) <= today) {
    return problem(
      ScreeningErrorCode.InvalidScreeningDate,
      'screenedOn',
      `screenedOn ${draft.screenedOn} is over ${SCREENING_VALID_MONTHS} months ago, so the screening has already lapsed; screen the client again today`,
    );
  }
  const conditions = [...new Set(draft.conditions)];
  if (conditions.length === 0) {
    return problem(
      ScreeningErrorCode.ConditionsRequired,
      'conditions',
      'conditions is empty: choose at least one condition the client comes with (or `other` with a description)',
    );
  }
  const other = draft.otherConditionDescription?.trim() ?? '';
  if (conditions.includes('other') && (other.length === 0 || other.length > MAX_TEXT_LENGTH)) {
    return problem(
      ScreeningErrorCode.InvalidOtherCondition,
      'otherConditionDescription',
      `conditions include \`other\`: describe it in otherConditionDescription (1–${MAX_TEXT_LENGTH} characters)`,
    );
  }
  if (!conditions.includes('other') && other.length > 0) {
    return problem(
      ScreeningErrorCode.InvalidOtherCondition,
      'otherConditionDescription',
      'otherConditionDescription is only for the condition `other`: add `other` to conditions or leave the description out',
    );
  }
  const medications = (draft.medications ?? []).map((medication) => medication.trim());
  if (
    medications.length > MAX_MEDICATIONS ||
    medications.some((medication) => medication.length === 0 || medication.length > MAX_TEXT_LENGTH)
  ) {
    return problem(
      ScreeningErrorCode.InvalidMedications,
      'medications',
      `medications: list at most ${MAX_MEDICATIONS}, each 1–${MAX_TEXT_LENGTH} characters (name and dose, e.g. "naproxen 500 mg twice daily"); leave the list empty for none`,
    );
  }
  return {
    ok: true,
    value: {
      conditions,
      otherConditionDescription: other.length > 0 ? other : null,
      duration: draft.duration,
      baselinePain: draft.baselinePain,
      medications,
      redFlags: [...new Set(draft.redFlags)],
      screenedOn: draft.screenedOn,
      lapsesOn: lapsesOn(draft.screenedOn),
    },
  };
}

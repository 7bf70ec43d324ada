import { TREATMENT_CERTIFICATION_TYPES } from './certification-types';
import type { Treatment } from './treatment';

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 180;
export const DURATION_STEP_MINUTES = 5;
export const MAX_BUFFER_MINUTES = 60;
/** £100,000: far above any treatment; keeps a typo (an extra zero or two) out. */
export const MAX_PRICE_PENCE = 10_000_000;
export const MAX_NAME_LENGTH = 100;

const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const MAX_CODE_LENGTH = 40;

/** Everything of a treatment but its id. */
export type TreatmentFields = Omit<Treatment, 'id'>;

export type TreatmentRuleCode =
  | 'INVALID_TREATMENT_CODE'
  | 'INVALID_TREATMENT_NAME'
  | 'INVALID_DURATION'
  | 'INVALID_BUFFER'
  | 'INVALID_PRICE'
  | 'UNKNOWN_CERTIFICATION_TYPE'
  | 'ASSESSMENT_REQUIRES_CLEARANCE';

export interface TreatmentRuleViolation {
  readonly code: TreatmentRuleCode;
  readonly field: keyof TreatmentFields;
  readonly message: string;
}

export type TreatmentCheck =
  | { readonly ok: true; readonly value: TreatmentFields }
  | { readonly ok: false; readonly violation: TreatmentRuleViolation };

/**
 * Normalises (trims; upper-cases the code; lower-cases and de-duplicates certifications)
 * and checks every catalogue rule; the first rule broken is returned.
 */
export function checkTreatment(draft: TreatmentFields): TreatmentCheck {
  const code = draft.code.trim().toUpperCase();
  const name = draft.name.trim();
  const requiredCertifications = [
    ...new Set(draft.requiredCertifications.map((type) => type.trim().toLowerCase())),
  ];
  const violation =
    codeViolation(code) ??
    nameViolation(name) ??
    durationViolation(draft.durationMinutes) ??
    bufferViolation(draft.bufferAfterMinutes) ??
    priceViolation(draft.pricePence, 'pricePence') ??
    certificationViolation(requiredCertifications) ??
    kindViolation(draft);
  if (violation !== undefined) {
    return { ok: false, violation };
  }
  return { ok: true, value: { ...draft, code, name, requiredCertifications } };
}

/** A price in pence: a whole number from 0 to MAX_PRICE_PENCE. */
export function priceViolation(
  pricePence: number,
  field: 'pricePence',
): TreatmentRuleViolation | undefined {
  if (Number.isInteger(pricePence) && pricePence >= 0 && pricePence <= MAX_PRICE_PENCE) {
    return undefined;
  }
  return {
    code: 'INVALID_PRICE',
    field,
    message: `price ${pricePence} is not a price in pence: give a whole number of pence from 0 to ${MAX_PRICE_PENCE} (e.g. 4500 for £45.00)`,
  };
}

function codeViolation(code: string): TreatmentRuleViolation | undefined {
  if (code.length <= MAX_CODE_LENGTH && CODE.test(code)) {
    return undefined;
  }
  return {
    code: 'INVALID_TREATMENT_CODE',
    field: 'code',
    message: `treatment code "${code}" is not valid: use up to ${MAX_CODE_LENGTH} letters, digits and single underscores, starting with a letter (e.g. PNF_STRETCH_30)`,
  };
}

function nameViolation(name: string): TreatmentRuleViolation | undefined {
  if (name.length > 0 && name.length <= MAX_NAME_LENGTH) {
    return undefined;
  }
  return {
    code: 'INVALID_TREATMENT_NAME',
    field: 'name',
    message: `give the treatment a name of 1 to ${MAX_NAME_LENGTH} characters`,
  };
}

function durationViolation(minutes: number): TreatmentRuleViolation | undefined {
  if (
    Number.isInteger(minutes) &&
    minutes >= MIN_DURATION_MINUTES &&
    minutes <= MAX_DURATION_MINUTES &&
    minutes % DURATION_STEP_MINUTES === 0
  ) {
    return undefined;
  }
  return {
    code: 'INVALID_DURATION',
    field: 'durationMinutes',
    message: `a duration of ${minutes} minutes is not allowed: use ${MIN_DURATION_MINUTES} to ${MAX_DURATION_MINUTES} minutes in steps of ${DURATION_STEP_MINUTES}`,
  };
}

function bufferViolation(minutes: number): TreatmentRuleViolation | undefined {
  if (Number.isInteger(minutes) && minutes >= 0 && minutes <= MAX_BUFFER_MINUTES) {
    return undefined;
  }
  return {
    code: 'INVALID_BUFFER',
    field: 'bufferAfterMinutes',
    message: `a buffer of ${minutes} minutes is not allowed: use 0 to ${MAX_BUFFER_MINUTES} whole minutes`,
  };
}

function certificationViolation(types: readonly string[]): TreatmentRuleViolation | undefined {
  const known: readonly string[] = TREATMENT_CERTIFICATION_TYPES;
  const unknown = types.filter((type) => !known.includes(type));
  if (unknown.length === 0) {
    return undefined;
  }
  return {
    code: 'UNKNOWN_CERTIFICATION_TYPE',
    field: 'requiredCertifications',
    message: `unknown certification type ${unknown.map((type) => `"${type}"`).join(', ')}: use one of ${known.join(', ')}`,
  };
}

function kindViolation(draft: TreatmentFields): TreatmentRuleViolation | undefined {
  if (draft.kind !== 'assessment' || !draft.requiresScreeningClearance) {
    return undefined;
  }
  return {
    code: 'ASSESSMENT_REQUIRES_CLEARANCE',
    field: 'requiresScreeningClearance',
    message:
      'an assessment cannot require screening clearance: screening happens at the assessment; set requiresScreeningClearance to false',
  };
}

/** The fields whose values differ, in a stable order. */
export function changedTreatmentFields(
  before: TreatmentFields,
  after: TreatmentFields,
): (keyof TreatmentFields)[] {
  const fields = Object.keys(after) as (keyof TreatmentFields)[];
  return fields
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .sort();
}

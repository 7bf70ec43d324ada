import { checkDateOfBirth, MAX_AGE_YEARS } from './date-of-birth';
import { normaliseEmail, normalisePhone } from './contact-details';
import { normalisePersonName } from './person-name';
import { normaliseUkPostcode } from './uk-postcode';

export interface Address {
  readonly line1: string;
  readonly line2: string | null;
  readonly town: string;
  readonly postcode: string;
}

export interface GpPractice {
  readonly name: string;
  readonly address: string | null;
  readonly phone: string | null;
}

export interface EmergencyContact {
  readonly name: string;
  readonly relationship: string;
  readonly phone: string;
}

/** A client's demographics, validated and normalised. */
export interface ClientDetails {
  readonly givenName: string;
  readonly familyName: string;
  /** YYYY-MM-DD. */
  readonly dateOfBirth: string;
  /** Lower-cased. */
  readonly email: string | null;
  /** E.164. */
  readonly phone: string | null;
  readonly address: Address | null;
  readonly gpPractice: GpPractice | null;
  readonly emergencyContact: EmergencyContact | null;
}

/** What a caller sends, as typed; optional parts may be missing or null. */
export interface ClientDetailsDraft {
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: {
    readonly line1: string;
    readonly line2?: string | null;
    readonly town: string;
    readonly postcode: string;
  } | null;
  readonly gpPractice?: {
    readonly name: string;
    readonly address?: string | null;
    readonly phone?: string | null;
  } | null;
  readonly emergencyContact?: {
    readonly name: string;
    readonly relationship: string;
    readonly phone: string;
  } | null;
}

export type ClientDetailsProblemCode =
  | 'INVALID_NAME'
  | 'INVALID_DATE_OF_BIRTH'
  | 'DATE_OF_BIRTH_IN_FUTURE'
  | 'INVALID_EMAIL'
  | 'INVALID_PHONE'
  | 'CONTACT_REQUIRED'
  | 'INVALID_POSTCODE'
  | 'INVALID_ADDRESS'
  | 'INVALID_GP_PRACTICE'
  | 'INVALID_EMERGENCY_CONTACT';

export interface ClientDetailsProblem {
  readonly code: ClientDetailsProblemCode;
  readonly field: string;
  readonly message: string;
}

export type ClientDetailsCheck =
  | { readonly ok: true; readonly details: ClientDetails }
  | { readonly ok: false; readonly problem: ClientDetailsProblem };

class Problem extends Error {
  constructor(readonly problem: ClientDetailsProblem) {
    super(problem.message);
  }
}

function fail(code: ClientDetailsProblemCode, field: string, message: string): never {
  throw new Problem({ code, field, message });
}

const PHONE_HINT =
  'use a UK number such as 07700 900123 or 0113 496 0000, or an international one starting with +';

/**
 * Validates and normalises a client's demographics; `today` is the UTC date (YYYY-MM-DD).
 * The first problem found is returned, naming the field and what to send instead.
 */
export function checkClientDetails(draft: ClientDetailsDraft, today: string): ClientDetailsCheck {
  try {
    return { ok: true, details: validate(draft, today) };
  } catch (error: unknown) {
    if (error instanceof Problem) {
      return { ok: false, problem: error.problem };
    }
    throw error;
  }
}

function validate(draft: ClientDetailsDraft, today: string): ClientDetails {
  const givenName = name(draft.givenName, 'givenName');
  const familyName = name(draft.familyName, 'familyName');
  const dateOfBirth = dob(draft.dateOfBirth, today);
  const email = blank(draft.email) ? null : emailOf(draft.email);
  const phone = blank(draft.phone) ? null : phoneOf(draft.phone, 'phone');
  if (email === null && phone === null) {
    fail(
      'CONTACT_REQUIRED',
      'email',
      'give an email address or a phone number so the clinic can reach the client',
    );
  }
  return {
    givenName,
    familyName,
    dateOfBirth,
    email,
    phone,
    address: isMissing(draft.address) ? null : addressOf(draft.address),
    gpPractice: isMissing(draft.gpPractice) ? null : gpOf(draft.gpPractice),
    emergencyContact: isMissing(draft.emergencyContact)
      ? null
      : emergencyContactOf(draft.emergencyContact),
  };
}

function isMissing<T>(value: T | null | undefined): value is null | undefined {
  return value === null || value === undefined;
}

function blank(value: string | null | undefined): value is null | undefined {
  return value === null || value === undefined || value.trim() === '';
}

function name(raw: string, field: string): string {
  return (
    normalisePersonName(raw) ??
    fail('INVALID_NAME', field, `${field} must be 1–100 characters; got ${JSON.stringify(raw)}`)
  );
}

function dob(raw: string, today: string): string {
  const check = checkDateOfBirth(raw, today);
  if (check.ok) {
    return check.dateOfBirth;
  }
  switch (check.problem) {
    case 'malformed':
      return fail(
        'INVALID_DATE_OF_BIRTH',
        'dateOfBirth',
        `dateOfBirth ${JSON.stringify(raw)} is not a date; use YYYY-MM-DD, e.g. 1984-03-21`,
      );
    case 'in_future':
      return fail(
        'DATE_OF_BIRTH_IN_FUTURE',
        'dateOfBirth',
        `dateOfBirth ${raw.trim()} is after today (${today}); check the year`,
      );
    case 'too_old':
      return fail(
        'INVALID_DATE_OF_BIRTH',
        'dateOfBirth',
        `dateOfBirth ${raw.trim()} would make the client over ${MAX_AGE_YEARS}; check the year`,
      );
    default: {
      const unreachable: never = check.problem;
      throw new Error(`unknown date of birth problem ${String(unreachable)}`);
    }
  }
}

function emailOf(raw: string): string {
  return (
    normaliseEmail(raw) ??
    fail('INVALID_EMAIL', 'email', 'email is not an email address; use the form name@example.co.uk')
  );
}

function phoneOf(raw: string, field: string): string {
  return (
    normalisePhone(raw) ??
    fail(
      'INVALID_PHONE',
      field,
      `${field} ${JSON.stringify(raw)} is not a phone number; ${PHONE_HINT}`,
    )
  );
}

function text(
  raw: string | null | undefined,
  max: number,
  code: ClientDetailsProblemCode,
  field: string,
): string {
  const value = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (value.length < 1 || value.length > max) {
    fail(code, field, `${field} must be 1–${max} characters`);
  }
  return value;
}

function optionalText(
  raw: string | null | undefined,
  max: number,
  code: ClientDetailsProblemCode,
  field: string,
): string | null {
  return blank(raw) ? null : text(raw, max, code, field);
}

function addressOf(raw: NonNullable<ClientDetailsDraft['address']>): Address {
  const line1 = text(raw.line1, 100, 'INVALID_ADDRESS', 'address.line1');
  const line2 = optionalText(raw.line2, 100, 'INVALID_ADDRESS', 'address.line2');
  const town = text(raw.town, 60, 'INVALID_ADDRESS', 'address.town');
  const postcode =
    normaliseUkPostcode(raw.postcode) ??
    fail(
      'INVALID_POSTCODE',
      'address.postcode',
      `address.postcode ${JSON.stringify(raw.postcode)} is not a UK postcode; use e.g. LS1 4AP`,
    );
  return { line1, line2, town, postcode };
}

function gpOf(raw: NonNullable<ClientDetailsDraft['gpPractice']>): GpPractice {
  return {
    name: text(raw.name, 100, 'INVALID_GP_PRACTICE', 'gpPractice.name'),
    address: optionalText(raw.address, 200, 'INVALID_GP_PRACTICE', 'gpPractice.address'),
    phone: blank(raw.phone) ? null : phoneOf(raw.phone, 'gpPractice.phone'),
  };
}

function emergencyContactOf(
  raw: NonNullable<ClientDetailsDraft['emergencyContact']>,
): EmergencyContact {
  return {
    name: text(raw.name, 100, 'INVALID_EMERGENCY_CONTACT', 'emergencyContact.name'),
    relationship: text(
      raw.relationship,
      50,
      'INVALID_EMERGENCY_CONTACT',
      'emergencyContact.relationship',
    ),
    phone: phoneOf(raw.phone, 'emergencyContact.phone'),
  };
}

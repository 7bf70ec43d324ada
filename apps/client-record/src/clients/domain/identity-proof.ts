import { isCalendarDate } from './date-of-birth';
import { fold } from './duplicate-keys';

/**
 * What staff of a clinic the client does not attend yet must know about the person before
 * linking that client to their clinic: the date of birth, and the email or the full name.
 */
export interface ClientIdentityProofDraft {
  readonly dateOfBirth: string;
  readonly email?: string | null;
  readonly givenName?: string | null;
  readonly familyName?: string | null;
}

export interface ClientIdentityProof {
  /** YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly email: string | null;
  readonly name: { readonly givenName: string; readonly familyName: string } | null;
}

export type ClientIdentityProofCheck =
  | { readonly ok: true; readonly proof: ClientIdentityProof }
  | { readonly ok: false; readonly field: string; readonly message: string };

/** The stored details a proof is compared with (null once erased). */
export interface IdentityOnRecord {
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly dateOfBirth: string | null;
  readonly email: string | null;
}

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value.trim() !== '';
}

/** A well-formed proof: a calendar date of birth, plus an email or both names. */
export function checkIdentityProof(draft: ClientIdentityProofDraft): ClientIdentityProofCheck {
  const dateOfBirth = draft.dateOfBirth.trim();
  if (!isCalendarDate(dateOfBirth)) {
    return {
      ok: false,
      field: 'proof.dateOfBirth',
      message: `proof.dateOfBirth ${JSON.stringify(draft.dateOfBirth)} is not a date; use YYYY-MM-DD`,
    };
  }
  const hasGiven = present(draft.givenName);
  const hasFamily = present(draft.familyName);
  if (hasGiven !== hasFamily) {
    return {
      ok: false,
      field: hasGiven ? 'proof.familyName' : 'proof.givenName',
      message: 'give both proof.givenName and proof.familyName, or neither',
    };
  }
  const email = present(draft.email) ? draft.email : null;
  if (email === null && !hasGiven) {
    return {
      ok: false,
      field: 'proof.email',
      message:
        "proof needs the client's email, or their given and family name, besides the date of birth",
    };
  }
  return {
    ok: true,
    proof: {
      dateOfBirth,
      email,
      name:
        hasGiven && hasFamily ? { givenName: draft.givenName, familyName: draft.familyName } : null,
    },
  };
}

/**
 * True when every part of the proof matches the record, compared the way duplicate
 * detection compares (case-insensitive, surrounding and repeated spaces ignored). An erased
 * record (no names, no email) never matches.
 */
export function identityProofMatches(
  proof: ClientIdentityProof,
  record: IdentityOnRecord,
): boolean {
  if (record.dateOfBirth === null || record.dateOfBirth !== proof.dateOfBirth) {
    return false;
  }
  if (proof.email !== null && (record.email === null || fold(record.email) !== fold(proof.email))) {
    return false;
  }
  if (
    proof.name !== null &&
    (record.givenName === null ||
      record.familyName === null ||
      fold(record.givenName) !== fold(proof.name.givenName) ||
      fold(record.familyName) !== fold(proof.name.familyName))
  ) {
    return false;
  }
  return true;
}

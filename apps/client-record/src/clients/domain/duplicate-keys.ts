import type { ClientDetails } from './client-details';

/**
 * A likely duplicate is another (not erased) client in the network with the same email
 * (case-insensitive), or the same given and family name (case-insensitive) and date of
 * birth. These are the keys two registrations must serialise on (an advisory lock each), so
 * two concurrent registrations of one person cannot both pass the check. Sorted, so every
 * transaction takes the locks in the same order (no deadlock).
 */
export function duplicateKeysOf(
  details: Pick<ClientDetails, 'givenName' | 'familyName' | 'dateOfBirth' | 'email'>,
): string[] {
  const keys = [
    `client-duplicate:name-dob:${fold(details.givenName)}|${fold(details.familyName)}|${details.dateOfBirth}`,
  ];
  if (details.email !== null) {
    keys.push(`client-duplicate:email:${fold(details.email)}`);
  }
  return keys.sort();
}

/** The case-insensitive form the duplicate rule compares (matches SQL lower()). */
export function fold(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface DuplicateCandidate {
  readonly id: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly dateOfBirth: string | null;
  readonly email: string | null;
}

export type DuplicateMatch = 'email' | 'name_and_date_of_birth';

/** Why `candidate` is a likely duplicate of `details`, or undefined when it is not. */
export function duplicateMatchOf(
  details: Pick<ClientDetails, 'givenName' | 'familyName' | 'dateOfBirth' | 'email'>,
  candidate: DuplicateCandidate,
): DuplicateMatch | undefined {
  if (
    details.email !== null &&
    candidate.email !== null &&
    fold(details.email) === fold(candidate.email)
  ) {
    return 'email';
  }
  if (
    candidate.givenName !== null &&
    candidate.familyName !== null &&
    fold(candidate.givenName) === fold(details.givenName) &&
    fold(candidate.familyName) === fold(details.familyName) &&
    candidate.dateOfBirth === details.dateOfBirth
  ) {
    return 'name_and_date_of_birth';
  }
  return undefined;
}

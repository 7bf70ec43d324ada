import { isUuid } from '@app/auth';

/**
 * The position of a therapist in the list order (family name, given name, id), as an
 * opaque cursor. Clients must not build or parse cursors: the format may change.
 */
export interface TherapistCursor {
  readonly familyName: string;
  readonly givenName: string;
  readonly id: string;
}

const PREFIX = 'th1:';

export function encodeTherapistCursor(position: TherapistCursor): string {
  const json = JSON.stringify([position.familyName, position.givenName, position.id]);
  return PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

/** Undefined for anything encodeTherapistCursor did not produce. */
export function decodeTherapistCursor(cursor: string): TherapistCursor | undefined {
  if (!cursor.startsWith(PREFIX)) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'),
    );
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed.every((part): part is string => typeof part === 'string') &&
      isUuid(parsed[2])
    ) {
      const [familyName, givenName, id] = parsed as [string, string, string];
      return { familyName, givenName, id };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

import { isUuid } from '@app/auth';

/**
 * The position of a client in list order (family name, given name — both case-folded —
 * then id), as an opaque cursor. Callers must not build or parse cursors: the format may
 * change.
 */
export interface ClientCursor {
  readonly familyName: string;
  readonly givenName: string;
  readonly id: string;
}

const PREFIX = 'cl1:';

export function encodeClientCursor(position: ClientCursor): string {
  const json = JSON.stringify([position.familyName, position.givenName, position.id]);
  return PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

/** Undefined for anything encodeClientCursor did not produce. */
export function decodeClientCursor(cursor: string): ClientCursor | undefined {
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

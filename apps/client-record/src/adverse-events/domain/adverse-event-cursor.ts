import { isUuid } from '@app/auth';

/** A position in the governance queue (newest report first), as an opaque cursor. */
export interface AdverseEventCursor {
  readonly reportedAt: Date;
  readonly id: string;
}

const PREFIX = 'ae1:';

export function encodeAdverseEventCursor(position: AdverseEventCursor): string {
  const json = JSON.stringify([position.reportedAt.toISOString(), position.id]);
  return PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

/** Undefined for anything encodeAdverseEventCursor did not produce. */
export function decodeAdverseEventCursor(cursor: string): AdverseEventCursor | undefined {
  if (!cursor.startsWith(PREFIX)) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8'),
    );
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      isUuid(parsed[1])
    ) {
      const reportedAt = new Date(parsed[0]);
      return Number.isNaN(reportedAt.getTime()) ? undefined : { reportedAt, id: parsed[1] };
    }
    return undefined;
  } catch {
    return undefined;
  }
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

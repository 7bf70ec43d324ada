/**
 * The position in the audit trail (newest first) as an opaque cursor: the id of the last row
 * seen. Audit ids only grow, so "older than the cursor" is "id below it".
 */
const PREFIX = 'au1:';

export function encodeAuditCursor(id: string): string {
  return PREFIX + Buffer.from(id, 'utf8').toString('base64url');
}

/** The row id, or undefined for anything encodeAuditCursor did not produce. */
export function decodeAuditCursor(cursor: string): string | undefined {
  if (!cursor.startsWith(PREFIX)) {
    return undefined;
  }
  const id = Buffer.from(cursor.slice(PREFIX.length), 'base64url').toString('utf8');
  return /^[1-9]\d{0,18}$/.test(id) ? id : undefined;
}

export const DEFAULT_AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGE_SIZE = 200;

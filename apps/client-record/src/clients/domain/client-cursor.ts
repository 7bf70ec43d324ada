import { isUuid } from '@app/auth';

/**
 * A list cursor carries only the id of the last client of the page, so it holds nothing an
 * id-only caller (an integrator) may not see. The service resolves the position (name order
 * or id order) by reading that client within the caller's own list scope; a cursor naming a
 * client the caller may not list is refused. Callers must not build or parse cursors: the
 * format may change.
 */
const PREFIX = 'cl2:';

export function encodeClientCursor(clientId: string): string {
  return PREFIX + Buffer.from(clientId.toLowerCase(), 'utf8').toString('base64url');
}

/** The client id in a cursor, or undefined for anything encodeClientCursor did not produce. */
export function decodeClientCursor(cursor: string): string | undefined {
  if (!cursor.startsWith(PREFIX)) {
    return undefined;
  }
  const body = cursor.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) {
    return undefined;
  }
  const id = Buffer.from(body, 'base64url').toString('utf8');
  return isUuid(id) && encodeClientCursor(id) === cursor ? id.toLowerCase() : undefined;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

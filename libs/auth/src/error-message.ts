/**
 * The message of anything thrown. Duck-typed because errors from Node internals can come from
 * another realm (under Jest) where `instanceof Error` is false.
 */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String(error.message);
  }
  return String(error);
}

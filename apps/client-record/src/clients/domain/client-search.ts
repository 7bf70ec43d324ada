/**
 * What a search box's text means: an email (has an @), a phone number (mostly digits,
 * at least 4 of them), or words of a name (every word must start the given or family name).
 */
export type ClientSearch =
  | { readonly kind: 'email'; readonly prefix: string }
  | { readonly kind: 'phone'; readonly digits: string }
  | { readonly kind: 'name'; readonly words: readonly string[] };

export const MIN_SEARCH_LENGTH = 2;
export const MAX_SEARCH_LENGTH = 100;

/** Undefined when the text is too short or too long to search by. */
export function parseClientSearch(raw: string): ClientSearch | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.length < MIN_SEARCH_LENGTH || text.length > MAX_SEARCH_LENGTH) {
    return undefined;
  }
  if (text.includes('@')) {
    return { kind: 'email', prefix: text.toLowerCase() };
  }
  if (/^\+?[\d\s().-]+$/.test(text)) {
    let digits = text.replace(/\D/g, '');
    if (digits.length < 4) {
      return undefined;
    }
    // Stored numbers are E.164: "07700 900123" is found as +44 7700900123.
    if (digits.startsWith('00')) {
      digits = digits.slice(2);
    } else if (digits.startsWith('0')) {
      digits = digits.slice(1);
    }
    return { kind: 'phone', digits };
  }
  return { kind: 'name', words: text.toLowerCase().split(' ') };
}

/** Escapes LIKE's wildcards so a search for "a_b" means the text a_b. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

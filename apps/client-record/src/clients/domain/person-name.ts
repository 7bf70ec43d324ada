/** A given or family name: trimmed, inner whitespace collapsed, 1–100 characters. */
export function normalisePersonName(raw: string): string | undefined {
  const value = raw.trim().replace(/\s+/g, ' ');
  return value.length >= 1 && value.length <= 100 ? value : undefined;
}

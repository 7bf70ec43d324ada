/**
 * Email and phone rules, after therapist-roster's contact-details (same email check), with
 * phone numbers normalised to E.164 so one number is stored, searched and messaged one way.
 */

/** A pragmatic email check: one @, a dotted domain, no spaces. Lower-cased. */
export function normaliseEmail(raw: string): string | undefined {
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : undefined;
}

/**
 * A phone number in E.164 (`+447700900123`), or undefined if `raw` is not one. UK numbers
 * as people write them: `07700 900123`, `(0113) 496 0000`, `+44 (0)7700 900123`,
 * `0044 7700 900123` (a 0 then 9–10 digits nationally). Other countries need the `+` (or
 * `00`) and 7–15 digits. Spaces, dashes, dots and brackets are ignored.
 */
export function normalisePhone(raw: string): string | undefined {
  const value = raw.trim();
  if (!/^\+?[\d\s().-]+$/.test(value)) {
    return undefined;
  }
  const international = value.startsWith('+') || /^00/.test(value.replace(/[\s().-]/g, ''));
  let digits = value.replace(/\D/g, '');
  if (international) {
    digits = digits.replace(/^00/, '');
    if (digits.startsWith('440')) {
      // "+44 (0)7700 ..." : the national trunk 0 is written but not dialled.
      digits = `44${digits.slice(3)}`;
    }
    if (digits.startsWith('44')) {
      return isUkNational(digits.slice(2)) ? `+${digits}` : undefined;
    }
    return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
  }
  if (!digits.startsWith('0')) {
    return undefined;
  }
  const national = digits.slice(1);
  return isUkNational(national) ? `+44${national}` : undefined;
}

/** A UK number without its trunk 0: 9 or 10 digits, not starting with 0. */
function isUkNational(digits: string): boolean {
  return /^[1-9]\d{8,9}$/.test(digits);
}

/** Clinic codes are short, upper-case and stable, e.g. "LDS-01"; they appear on invoices. */
export function normaliseClinicCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9]{2,8}(-[A-Z0-9]{1,8})?$/.test(code) ? code : undefined;
}

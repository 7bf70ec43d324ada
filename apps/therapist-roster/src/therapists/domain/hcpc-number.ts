import type { Profession } from './profession';

/** HCPC numbers of physiotherapists: "PH" and 5–6 digits, e.g. PH123456. */
const HCPC_NUMBER = /^PH\d{5,6}$/;

/** Upper-cases and drops spaces ("ph 12345" → "PH12345"); undefined when malformed. */
export function normaliseHcpcNumber(raw: string): string | undefined {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  return HCPC_NUMBER.test(value) ? value : undefined;
}

export type HcpcCheck =
  | { readonly ok: true; readonly hcpcNumber: string | null }
  | { readonly ok: false; readonly problem: 'required' | 'malformed' };

/**
 * Physiotherapists must be HCPC-registered, so they need a well-formed number; other
 * professions may have one (then it must be well-formed) or none.
 */
export function checkHcpcNumber(profession: Profession, raw: string | null): HcpcCheck {
  const given = raw === null || raw.trim() === '' ? null : raw;
  if (given === null) {
    return profession === 'physiotherapist'
      ? { ok: false, problem: 'required' }
      : { ok: true, hcpcNumber: null };
  }
  const hcpcNumber = normaliseHcpcNumber(given);
  return hcpcNumber === undefined ? { ok: false, problem: 'malformed' } : { ok: true, hcpcNumber };
}

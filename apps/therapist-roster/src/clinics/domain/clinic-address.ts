import { Checked, invalid, valid } from './problem';
import { normaliseUkPostcode } from './uk-postcode';

/** A clinic's postal address (UK). */
export interface ClinicAddress {
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postcode: string;
}

export interface AddressDraft {
  readonly line1: string;
  readonly line2?: string | null;
  readonly city: string;
  readonly postcode: string;
}

/** The field a postcode problem names: clients get a code of its own for it. */
export const POSTCODE_FIELD = 'address.postcode';

const MAX_LINE = 100;

function tidy(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Trims the lines, requires line 1 and the city, and puts the postcode in standard form. */
export function checkAddress(draft: AddressDraft): Checked<ClinicAddress> {
  const line1 = tidy(draft.line1);
  if (line1.length === 0 || line1.length > MAX_LINE) {
    return invalid('address.line1', `give address line 1 of 1–${MAX_LINE} characters`);
  }
  const line2 = tidy(draft.line2 ?? '');
  if (line2.length > MAX_LINE) {
    return invalid('address.line2', `address line 2 must be at most ${MAX_LINE} characters`);
  }
  const city = tidy(draft.city);
  if (city.length === 0 || city.length > MAX_LINE) {
    return invalid('address.city', `give a city of 1–${MAX_LINE} characters`);
  }
  const postcode = normaliseUkPostcode(draft.postcode);
  if (postcode === undefined) {
    return invalid(
      POSTCODE_FIELD,
      `"${draft.postcode}" is not a UK postcode; use the full postcode, e.g. LS1 4AP`,
    );
  }
  return valid({ line1, line2: line2.length === 0 ? null : line2, city, postcode });
}

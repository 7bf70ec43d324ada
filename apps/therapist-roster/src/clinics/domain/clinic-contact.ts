import { Checked, invalid, valid } from './problem';

/** How to reach the clinic itself (not a person): both parts optional. */
export interface ClinicContact {
  readonly phone: string | null;
  readonly email: string | null;
}

export interface ContactDraft {
  readonly phone?: string | null;
  readonly email?: string | null;
}

const UK_PHONE = /^(?:\+44|0)\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A UK phone number (national "0113 496 0000" or international "+44 113 496 0000"; spaces,
 * dashes and brackets allowed) and an email address. Blank parts are dropped; a contact with
 * neither part is no contact (null).
 */
export function checkContact(draft: ContactDraft): Checked<ClinicContact | null> {
  const phone = (draft.phone ?? '').trim().replace(/\s+/g, ' ');
  if (phone.length > 0 && !UK_PHONE.test(phone.replace(/[\s()-]/g, ''))) {
    return invalid(
      'contact.phone',
      `"${phone}" is not a UK phone number; use e.g. 0113 496 0000 or +44 113 496 0000`,
    );
  }
  const email = (draft.email ?? '').trim().toLowerCase();
  if (email.length > 0 && (email.length > 254 || !EMAIL.test(email))) {
    return invalid(
      'contact.email',
      `"${email}" is not an email address; use e.g. leeds@example.com`,
    );
  }
  if (phone.length === 0 && email.length === 0) {
    return valid(null);
  }
  return valid({
    phone: phone.length === 0 ? null : phone,
    email: email.length === 0 ? null : email,
  });
}

import { CalendarDate, daysBetween } from '../../therapists/domain/calendar-date';

export const CERTIFICATION_STATUSES = [
  'not_yet_valid',
  'valid',
  'expiring_soon',
  'expired',
  'revoked',
] as const;

export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** A certification is "expiring soon" from this many days before its expiry day. */
export const EXPIRING_SOON_DAYS = 30;

export interface CertificationDates {
  readonly issuedOn: CalendarDate;
  readonly expiresOn: CalendarDate | null;
  readonly revokedOn: CalendarDate | null;
}

/**
 * The status of a certification on a calendar date. Revocation wins from the day it was
 * revoked; before the issue date it is not yet valid; on and after the expiry day it is
 * expired; within 30 days of expiry it is expiring soon. "valid" and "expiring_soon" both
 * count as current.
 */
export function certificationStatusAt(
  certification: CertificationDates,
  at: CalendarDate,
): CertificationStatus {
  if (certification.revokedOn !== null && daysBetween(certification.revokedOn, at) >= 0) {
    return 'revoked';
  }
  if (daysBetween(certification.issuedOn, at) < 0) {
    return 'not_yet_valid';
  }
  if (certification.expiresOn !== null) {
    const daysLeft = daysBetween(at, certification.expiresOn);
    if (daysLeft <= 0) {
      return 'expired';
    }
    if (daysLeft <= EXPIRING_SOON_DAYS) {
      return 'expiring_soon';
    }
  }
  return 'valid';
}

export function isCurrent(status: CertificationStatus): boolean {
  return status === 'valid' || status === 'expiring_soon';
}

import type { AvailabilityCertification } from './availability-query';

/**
 * True when the certification counts on a clinic-local date: verified, issued on or before
 * it, and neither expired nor revoked by then (the expiry and revocation days are the first
 * days it no longer counts, as in therapist-roster).
 */
export function certificationCountsOn(
  certification: AvailabilityCertification,
  date: string,
): boolean {
  return (
    certification.verified &&
    certification.issuedOn <= date &&
    (certification.expiresOn === null || date < certification.expiresOn) &&
    (certification.revokedOn === null || date < certification.revokedOn)
  );
}

/** True when, on `date`, some certification of each required type counts. */
export function holdsAllOn(
  certifications: readonly AvailabilityCertification[],
  requiredTypes: readonly string[],
  date: string,
): boolean {
  return requiredTypes.every((type) =>
    certifications.some((c) => c.type === type && certificationCountsOn(c, date)),
  );
}

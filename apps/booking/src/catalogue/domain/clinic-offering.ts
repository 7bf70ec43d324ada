import type { Treatment } from './treatment';

/** A clinic's choice about one treatment. No row: offered at the network price. */
export interface ClinicOffering {
  readonly clinicId: string;
  readonly treatmentId: string;
  readonly offered: boolean;
  /** The clinic's price in pence; null: the network price. */
  readonly pricePence: number | null;
}

/** A treatment as one clinic sells it. */
export interface ClinicTreatment {
  readonly treatment: Treatment;
  /** The clinic's override, else the network price. */
  readonly pricePence: number;
  readonly currency: 'GBP';
  readonly priceOverridden: boolean;
}

/**
 * Whether the clinic offers the treatment and at what price. A retired treatment is never
 * offered. A clinic that has not chosen (no row) offers every active treatment at the
 * network price; it opts out per treatment with `offered: false`.
 */
export function clinicTreatmentOf(
  treatment: Treatment,
  offering: ClinicOffering | undefined,
): ClinicTreatment | undefined {
  if (!treatment.active || offering?.offered === false) {
    return undefined;
  }
  const override = offering?.pricePence ?? null;
  return {
    treatment,
    pricePence: override ?? treatment.pricePence,
    currency: treatment.currency,
    priceOverridden: override !== null,
  };
}

import type { TreatmentKind } from './treatment-kind';

/** A treatment of the network catalogue. Money is integer pence. */
export interface Treatment {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: TreatmentKind;
  readonly durationMinutes: number;
  readonly bufferAfterMinutes: number;
  /** The network list price; a clinic may override it (see `effectivePrice`). */
  readonly pricePence: number;
  readonly currency: 'GBP';
  readonly requiredCertifications: readonly string[];
  readonly requiresScreeningClearance: boolean;
  readonly selfBookable: boolean;
  /** False once head office retired it: no clinic offers it, old bookings still name it. */
  readonly active: boolean;
}

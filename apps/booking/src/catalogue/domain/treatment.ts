/** A treatment of the network catalogue. Money is integer pence. */
export interface Treatment {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly durationMinutes: number;
  readonly bufferAfterMinutes: number;
  readonly pricePence: number;
  readonly currency: 'GBP';
  readonly requiredCertifications: readonly string[];
  readonly requiresScreeningClearance: boolean;
  readonly selfBookable: boolean;
}

import type { ClinicStatus } from './clinic-status';

/** A clinic as the use cases see it. */
export interface Clinic {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
  readonly status: ClinicStatus;
  readonly openedAt: Date;
}

import type { ClinicAddress } from './clinic-address';
import type { ClinicContact } from './clinic-contact';
import type { ClinicStatus } from './clinic-status';
import type { HoursException, WeeklyHours } from './opening-hours';
import type { Room } from './room';

/** A clinic as the use cases see it. */
export interface Clinic {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
  readonly status: ClinicStatus;
  /** Null only for a clinic opened before its address was known; required to go active. */
  readonly address: ClinicAddress | null;
  readonly contact: ClinicContact | null;
  readonly weeklyHours: WeeklyHours;
  /** Sorted by date. */
  readonly hoursExceptions: readonly HoursException[];
  /** Active and retired, oldest first. */
  readonly rooms: readonly Room[];
  readonly openedAt: Date;
}

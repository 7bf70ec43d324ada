import type { ClinicStatus } from '../../clinics/domain/clinic-status';
import type { ClinicSchedule } from '../../clinics/domain/opening-hours';

/** What schedules needs to know about a clinic. */
export interface ClinicSummary {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  readonly status: ClinicStatus;
}

/**
 * The clinics context as schedules sees it. Implemented by an adapter over ClinicsService;
 * both methods throw the clinics context's CLINIC_NOT_FOUND / INVALID_CLINIC_ID errors.
 */
export interface ClinicHoursPort {
  requireClinic(clinicId: string): Promise<ClinicSummary>;
  getSchedule(clinicId: string): Promise<ClinicSchedule>;
}

export const CLINIC_HOURS = Symbol('CLINIC_HOURS');

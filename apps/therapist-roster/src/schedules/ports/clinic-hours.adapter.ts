import { Injectable } from '@nestjs/common';
import { ClinicsService } from '../../clinics/clinics.service';
import type { ClinicSchedule } from '../../clinics/domain/opening-hours';
import { ClinicHoursPort, ClinicSummary } from './clinic-hours.port';

/** ClinicHoursPort over the clinics context's service. */
@Injectable()
export class ClinicHoursAdapter implements ClinicHoursPort {
  constructor(private readonly clinics: ClinicsService) {}

  async requireClinic(clinicId: string): Promise<ClinicSummary> {
    const clinic = await this.clinics.requireClinic(clinicId);
    return {
      id: clinic.id,
      name: clinic.name,
      timezone: clinic.timezone,
      status: clinic.status,
    };
  }

  async getSchedule(clinicId: string): Promise<ClinicSchedule> {
    return this.clinics.getSchedule(clinicId);
  }
}

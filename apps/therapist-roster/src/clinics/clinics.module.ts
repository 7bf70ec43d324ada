import { Module } from '@nestjs/common';
import { ClinicHoursResolver } from './clinic-hours.resolver';
import { ClinicHoursService } from './clinic-hours.service';
import { ClinicRoomsResolver } from './clinic-rooms.resolver';
import { ClinicRoomsService } from './clinic-rooms.service';
import { ClinicsRepository } from './clinics.repository';
import { ClinicsResolver } from './clinics.resolver';
import { ClinicsService } from './clinics.service';

/** Clinics: what other contexts need goes through ClinicsService (getSchedule, requireClinic). */
@Module({
  providers: [
    ClinicsRepository,
    ClinicsService,
    ClinicHoursService,
    ClinicRoomsService,
    ClinicsResolver,
    ClinicHoursResolver,
    ClinicRoomsResolver,
  ],
  exports: [ClinicsService],
})
export class ClinicsModule {}

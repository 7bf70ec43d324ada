import { Module } from '@nestjs/common';
import { ClinicsModule } from '../clinics/clinics.module';
import { TherapistsModule } from '../therapists/therapists.module';
import { DEFAULT_SCHEDULE_POLICY } from './domain/schedule-policy';
import { ClinicHoursAdapter } from './ports/clinic-hours.adapter';
import { CLINIC_HOURS } from './ports/clinic-hours.port';
import { TherapistDirectoryAdapter } from './ports/therapist-directory.adapter';
import { THERAPIST_DIRECTORY } from './ports/therapist-directory.port';
import { RosterResolver } from './roster.resolver';
import { RosterService } from './roster.service';
import { SCHEDULE_POLICY } from './schedules.tokens';
import { TimeOffRepository } from './time-off.repository';
import { TimeOffResolver } from './time-off.resolver';
import { TimeOffService } from './time-off.service';
import { WorkingPatternsRepository } from './working-patterns.repository';
import { WorkingPatternsResolver } from './working-patterns.resolver';
import { WorkingPatternsService } from './working-patterns.service';

/** Working patterns, time off and rosters. Reads clinics and therapists through ports. */
@Module({
  imports: [ClinicsModule, TherapistsModule],
  providers: [
    { provide: CLINIC_HOURS, useClass: ClinicHoursAdapter },
    { provide: THERAPIST_DIRECTORY, useClass: TherapistDirectoryAdapter },
    { provide: SCHEDULE_POLICY, useValue: DEFAULT_SCHEDULE_POLICY },
    WorkingPatternsRepository,
    TimeOffRepository,
    WorkingPatternsService,
    TimeOffService,
    RosterService,
    WorkingPatternsResolver,
    TimeOffResolver,
    RosterResolver,
  ],
})
export class SchedulesModule {}

import { Module } from '@nestjs/common';
import { ClientProjectionRepository } from './clients/client-projection.repository';
import { ClientProjectionService } from './clients/client-projection.service';
import { ClientsProjectionConsumer } from './clients/clients-projection.consumer';
import { ScheduleProjectionRepository } from './schedules/schedule-projection.repository';
import { ScheduleProjectionService } from './schedules/schedule-projection.service';
import { SchedulesProjectionConsumer } from './schedules/schedules-projection.consumer';
import { TherapistProjectionRepository } from './therapists/therapist-projection.repository';
import { TherapistProjectionService } from './therapists/therapist-projection.service';
import { TherapistsProjectionConsumer } from './therapists/therapists-projection.consumer';

/**
 * Booking's projections of therapists, schedules and clients, kept from roster and
 * client-record events (clinics and rooms live in ClinicsModule). Consumers register on
 * EVENT_CONSUMER: the live consumer in the service, the replayer in a rebuild.
 */
@Module({
  providers: [
    TherapistProjectionRepository,
    TherapistProjectionService,
    TherapistsProjectionConsumer,
    ScheduleProjectionRepository,
    ScheduleProjectionService,
    SchedulesProjectionConsumer,
    ClientProjectionRepository,
    ClientProjectionService,
    ClientsProjectionConsumer,
  ],
  exports: [TherapistProjectionService, ScheduleProjectionService, ClientProjectionService],
})
export class ProjectionsModule {}

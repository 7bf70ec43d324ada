import { Module } from '@nestjs/common';
import { ClinicProjectionRepository } from './clinic-projection.repository';
import { ClinicProjectionService } from './clinic-projection.service';
import { ClinicsConsumer } from './clinics.consumer';

/**
 * The clinic projection alone (repository, service, consumer): what the running service and
 * the projection rebuild share. The GraphQL side lives in ClinicsModule.
 */
@Module({
  providers: [ClinicProjectionRepository, ClinicProjectionService, ClinicsConsumer],
  exports: [ClinicProjectionService],
})
export class ClinicProjectionModule {}

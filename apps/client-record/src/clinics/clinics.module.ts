import { Module } from '@nestjs/common';
import { ClinicsConsumer } from './clinics.consumer';
import { ClinicsRepository } from './clinics.repository';
import { ClinicsService } from './clinics.service';

/** client-record's projection of the network's clinics (from roster events). */
@Module({
  providers: [ClinicsRepository, ClinicsService, ClinicsConsumer],
  exports: [ClinicsService],
})
export class ClinicsModule {}

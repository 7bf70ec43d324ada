import { Module } from '@nestjs/common';
import { ClinicsRepository } from './clinics.repository';
import { ClinicsResolver } from './clinics.resolver';
import { ClinicsService } from './clinics.service';

@Module({
  providers: [ClinicsRepository, ClinicsService, ClinicsResolver],
})
export class ClinicsModule {}

import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ClinicProjectionRepository } from './clinic-projection.repository';
import { ClinicProjectionService } from './clinic-projection.service';
import { ClinicsConsumer } from './clinics.consumer';
import { ClinicsResolver } from './clinics.resolver';

@Module({
  imports: [CatalogueModule],
  providers: [
    ClinicProjectionRepository,
    ClinicProjectionService,
    ClinicsConsumer,
    ClinicsResolver,
  ],
})
export class ClinicsModule {}

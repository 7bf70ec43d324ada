import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ClinicProjectionModule } from './clinic-projection.module';
import { ClinicsResolver } from './clinics.resolver';

@Module({
  imports: [CatalogueModule, ClinicProjectionModule],
  providers: [ClinicsResolver],
})
export class ClinicsModule {}

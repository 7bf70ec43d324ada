import { Module } from '@nestjs/common';
import { ClinicsModule } from '../clinics/clinics.module';
import { TherapistsRepository } from './therapists.repository';
import { TherapistsResolver } from './therapists.resolver';
import { TherapistsService } from './therapists.service';

@Module({
  imports: [ClinicsModule],
  providers: [TherapistsRepository, TherapistsService, TherapistsResolver],
  exports: [TherapistsService],
})
export class TherapistsModule {}

import { Module, OnModuleInit } from '@nestjs/common';
import { ClientScreeningFieldResolver } from './client-screening.resolver';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { TherapistsModule } from '../therapists/therapists.module';
import { ScreeningLapseJob } from './screening-lapse.job';
import { ScreeningRepository } from './screening.repository';
import { ScreeningResolver } from './screening.resolver';
import { ScreeningService } from './screening.service';
import { ScreeningSubjectData } from './screening.subject-data';

@Module({
  imports: [TherapistsModule],
  providers: [
    ScreeningRepository,
    ScreeningService,
    ScreeningResolver,
    ClientScreeningFieldResolver,
    ScreeningLapseJob,
    ScreeningSubjectData,
  ],
  exports: [ScreeningService, ScreeningLapseJob],
})
export class ScreeningModule implements OnModuleInit {
  constructor(
    private readonly registry: SubjectDataRegistry,
    private readonly section: ScreeningSubjectData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.section);
  }
}

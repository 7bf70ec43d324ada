import { Module, OnModuleInit } from '@nestjs/common';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { ClinicsModule } from '../clinics/clinics.module';
import { ClientsRepository } from './clients.repository';
import { ClientsResolver } from './clients.resolver';
import { ClientsService } from './clients.service';
import { ClientsSubjectData } from './clients.subject-data';

@Module({
  imports: [ClinicsModule],
  providers: [ClientsRepository, ClientsService, ClientsResolver, ClientsSubjectData],
  exports: [ClientsService],
})
export class ClientsModule implements OnModuleInit {
  constructor(
    private readonly registry: SubjectDataRegistry,
    private readonly section: ClientsSubjectData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.section);
  }
}

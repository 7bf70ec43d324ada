import { Module, OnModuleInit } from '@nestjs/common';
import { ConsentFormsModule } from '../consent-forms/consent-forms.module';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { ConsentRepository } from './consent.repository';
import { ConsentResolver } from './consent.resolver';
import { ConsentService } from './consent.service';
import { ConsentSubjectData } from './consent.subject-data';

@Module({
  imports: [ConsentFormsModule],
  providers: [ConsentRepository, ConsentService, ConsentResolver, ConsentSubjectData],
  exports: [ConsentService],
})
export class ConsentModule implements OnModuleInit {
  constructor(
    private readonly registry: SubjectDataRegistry,
    private readonly section: ConsentSubjectData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.section);
  }
}

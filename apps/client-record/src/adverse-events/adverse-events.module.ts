import { Module, OnModuleInit } from '@nestjs/common';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { AdverseEventsRepository } from './adverse-events.repository';
import { AdverseEventsResolver } from './adverse-events.resolver';
import { AdverseEventsService } from './adverse-events.service';
import { AdverseEventsSubjectData } from './adverse-events.subject-data';

@Module({
  providers: [
    AdverseEventsRepository,
    AdverseEventsService,
    AdverseEventsResolver,
    AdverseEventsSubjectData,
  ],
})
export class AdverseEventsModule implements OnModuleInit {
  constructor(
    private readonly registry: SubjectDataRegistry,
    private readonly section: AdverseEventsSubjectData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.section);
  }
}

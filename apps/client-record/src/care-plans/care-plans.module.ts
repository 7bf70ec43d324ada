import { Module, OnModuleInit } from '@nestjs/common';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { CarePlansRepository } from './care-plans.repository';
import { CarePlansResolver } from './care-plans.resolver';
import { CarePlansService } from './care-plans.service';
import { CarePlansSubjectData } from './care-plans.subject-data';

@Module({
  providers: [CarePlansRepository, CarePlansService, CarePlansResolver, CarePlansSubjectData],
})
export class CarePlansModule implements OnModuleInit {
  constructor(
    private readonly registry: SubjectDataRegistry,
    private readonly section: CarePlansSubjectData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.section);
  }
}

import { Module, OnModuleInit } from '@nestjs/common';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { BookingProjectionModule } from '../bookings/booking-projection.module';
import { SessionRecordOpener } from './session-record-opener.service';
import { SessionRecordsRepository } from './session-records.repository';
import { SessionRecordsResolver } from './session-records.resolver';
import { SessionRecordsService } from './session-records.service';
import { SessionRecordsSubjectData } from './session-records.subject-data';

@Module({
  imports: [BookingProjectionModule],
  providers: [
    SessionRecordsRepository,
    SessionRecordsService,
    SessionRecordsResolver,
    SessionRecordOpener,
    SessionRecordsSubjectData,
  ],
  exports: [SessionRecordOpener],
})
export class SessionRecordsModule implements OnModuleInit {
  constructor(
    private readonly registry: SubjectDataRegistry,
    private readonly section: SessionRecordsSubjectData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.section);
  }
}

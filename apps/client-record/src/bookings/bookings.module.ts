import { Module, OnModuleInit } from '@nestjs/common';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { SessionRecordsModule } from '../session-records/session-records.module';
import { BookingProjectionModule } from './booking-projection.module';
import { BookingsConsumer } from './bookings.consumer';
import { BookingsSubjectData } from './bookings.subject-data';
import { CareRelationshipsService } from './care-relationships.service';

/**
 * Consumes booking events: care relationships, the booking projection, open session
 * records; and registers the `bookings` subject-data section (export, purge).
 */
@Module({
  imports: [BookingProjectionModule, SessionRecordsModule],
  providers: [CareRelationshipsService, BookingsConsumer, BookingsSubjectData],
})
export class BookingsModule implements OnModuleInit {
  constructor(
    private readonly registry: SubjectDataRegistry,
    private readonly section: BookingsSubjectData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.section);
  }
}

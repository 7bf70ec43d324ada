import { Module } from '@nestjs/common';
import { SessionRecordsModule } from '../session-records/session-records.module';
import { BookingProjectionModule } from './booking-projection.module';
import { BookingsConsumer } from './bookings.consumer';
import { CareRelationshipsService } from './care-relationships.service';

/** Consumes booking events: care relationships, the booking projection, open session records. */
@Module({
  imports: [BookingProjectionModule, SessionRecordsModule],
  providers: [CareRelationshipsService, BookingsConsumer],
})
export class BookingsModule {}

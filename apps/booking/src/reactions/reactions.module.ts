import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { ReactionsConsumer } from './reactions.consumer';
import { ReactionsRepository } from './reactions.repository';
import { ReactionsResolver } from './reactions.resolver';
import { ReactionsService } from './reactions.service';

/**
 * Booking reacting to other services (issue 5): time off and lapsed certifications flag
 * future bookings for the clinic (booking.needs_reschedule), client.erased pseudonymises.
 */
@Module({
  imports: [ProjectionsModule],
  providers: [ReactionsRepository, ReactionsService, ReactionsResolver, ReactionsConsumer],
})
export class ReactionsModule {}

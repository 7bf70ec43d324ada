import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { BookingInputsRepository } from '../bookings/booking-inputs.repository';
import { BookingsModule } from '../bookings/bookings.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { WaitlistExpiryJob } from './waitlist-expiry.job';
import { WaitlistConsumer } from './waitlist.consumer';
import { WaitlistRepository } from './waitlist.repository';
import { WaitlistResolver } from './waitlist.resolver';
import { WaitlistService } from './waitlist.service';

@Module({
  imports: [BookingsModule, AvailabilityModule, CatalogueModule],
  providers: [
    WaitlistRepository,
    BookingInputsRepository,
    WaitlistService,
    WaitlistResolver,
    WaitlistConsumer,
    WaitlistExpiryJob,
  ],
})
export class WaitlistModule {}

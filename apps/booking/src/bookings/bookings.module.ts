import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { CancellationPoliciesModule } from '../cancellation-policies/cancellation-policies.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { BookingInputsRepository } from './booking-inputs.repository';
import { BookingLocalOffsetsResolver } from './booking-local-offsets.resolver';
import { BookingReferencesResolver } from './booking-references.resolver';
import { BookingsRepository } from './bookings.repository';
import { BookingsResolver } from './bookings.resolver';
import { BookingsService } from './bookings.service';
import { HoldExpiryJob } from './hold-expiry.job';

@Module({
  imports: [CatalogueModule, AvailabilityModule, CancellationPoliciesModule],
  providers: [
    BookingsRepository,
    BookingInputsRepository,
    BookingsService,
    BookingsResolver,
    HoldExpiryJob,
    BookingReferencesResolver,
    BookingLocalOffsetsResolver,
  ],
  exports: [BookingsService],
})
export class BookingsModule {}

import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceConfig } from '@app/config';
import { ServicePlatformModule } from '@app/platform';
import { bookingDefinition } from './booking.definition';
import { CatalogueModule } from './catalogue/catalogue.module';
import { ClinicsModule } from './clinics/clinics.module';
import { ProjectionsModule } from './projections/projections.module';
import { AvailabilityModule } from './availability/availability.module';
import { BookingsModule } from './bookings/bookings.module';

import { SeriesModule } from './series/series.module';

import { ReactionsModule } from './reactions/reactions.module';
import { WaitlistModule } from './waitlist/waitlist.module';
import { CancellationPoliciesModule } from './cancellation-policies/cancellation-policies.module';

@Module({})
export class BookingModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: BookingModule,
      imports: [
        ServicePlatformModule.forService(bookingDefinition, config, logger),
        CatalogueModule,
        ClinicsModule,
        ProjectionsModule,
        AvailabilityModule,
        BookingsModule,
        SeriesModule,
        ReactionsModule,
        WaitlistModule,
        CancellationPoliciesModule,
      ],
    };
  }
}

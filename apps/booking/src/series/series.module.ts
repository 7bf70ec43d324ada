import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module';
import { BookingsModule } from '../bookings/bookings.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { SeriesRepository } from './series.repository';
import { SeriesResolver } from './series.resolver';
import { SeriesService } from './series.service';

@Module({
  imports: [BookingsModule, CatalogueModule, AvailabilityModule],
  providers: [SeriesRepository, SeriesService, SeriesResolver],
})
export class SeriesModule {}

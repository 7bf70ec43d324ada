import { Module } from '@nestjs/common';
import { BookingProjectionRepository } from './booking-projection.repository';

/** The booking projection on its own, for contexts that read it (no consumer here). */
@Module({
  providers: [BookingProjectionRepository],
  exports: [BookingProjectionRepository],
})
export class BookingProjectionModule {}

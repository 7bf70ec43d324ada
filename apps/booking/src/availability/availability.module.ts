import { Module } from '@nestjs/common';
import { AvailabilityInputsRepository } from './availability-inputs.repository';
import { AvailabilityResolver } from './availability.resolver';
import { AvailabilityService } from './availability.service';

@Module({
  providers: [AvailabilityInputsRepository, AvailabilityService, AvailabilityResolver],
  exports: [AvailabilityService],
})
export class AvailabilityModule {}

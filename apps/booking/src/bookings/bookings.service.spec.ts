import { Test } from '@nestjs/testing';
import { OutboxWriter } from '@app/messaging';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AvailabilityService } from '../availability/availability.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { BookingInputsRepository } from './booking-inputs.repository';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';

describe(`${BookingsService.name} dependencies`, () => {
  const others = [
    { provide: BookingsRepository, useValue: {} },
    { provide: BookingInputsRepository, useValue: {} },
    { provide: CatalogueService, useValue: {} },
    { provide: OutboxWriter, useValue: {} },
    { provide: TRANSACTIONS, useValue: {} },
  ];

  it('cannot be built without AvailabilityService: slot checks are never skipped silently', async () => {
    await expect(
      Test.createTestingModule({ providers: [BookingsService, ...others] }).compile(),
    ).rejects.toThrow(/AvailabilityService/);
  });

  it('is built with it', async () => {
    const module = await Test.createTestingModule({
      providers: [BookingsService, ...others, { provide: AvailabilityService, useValue: {} }],
    }).compile();
    expect(module.get(BookingsService)).toBeInstanceOf(BookingsService);
  });
});

import { Test } from '@nestjs/testing';
import { OutboxWriter } from '@app/messaging';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AvailabilityService } from '../availability/availability.service';
import { CancellationPoliciesService } from '../cancellation-policies/cancellation-policies.service';
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
    { provide: CancellationPoliciesService, useValue: {} },
  ];

  it('cannot be built without AvailabilityService: slot checks are never skipped silently', async () => {
    await expect(
      Test.createTestingModule({ providers: [BookingsService, ...others] }).compile(),
    ).rejects.toThrow(/AvailabilityService/);
  });

  it('cannot be built without CancellationPoliciesService: every cancellation is judged by the clinic policy', async () => {
    const withoutPolicies = others.filter((p) => p.provide !== CancellationPoliciesService);
    await expect(
      Test.createTestingModule({
        providers: [
          BookingsService,
          ...withoutPolicies,
          { provide: AvailabilityService, useValue: {} },
        ],
      }).compile(),
    ).rejects.toThrow(/CancellationPoliciesService/);
  });

  it('is built with them', async () => {
    const module = await Test.createTestingModule({
      providers: [BookingsService, ...others, { provide: AvailabilityService, useValue: {} }],
    }).compile();
    expect(module.get(BookingsService)).toBeInstanceOf(BookingsService);
  });
});

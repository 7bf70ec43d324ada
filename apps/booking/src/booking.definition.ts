import { ServiceDefinition } from '@app/platform/service-definition';
import { TreatmentEntity } from './catalogue/treatment.entity';
import { ClinicModel } from './clinics/clinic.model';
import { ClinicProjectionEntity } from './clinics/clinic-projection.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { TreatmentCatalogue1763900000100 } from './migrations/1763900000100-TreatmentCatalogue';
import { ClinicProjection1763900000200 } from './migrations/1763900000200-ClinicProjection';
import { BookingProjections1763920000000 } from './migrations/1763920000000-BookingProjections';
import { PROJECTION_ENTITIES } from './projections/projection-entities';
import { BookingEntity } from './bookings/booking.entity';
import { IdempotencyKeyEntity } from './bookings/idempotency-key.entity';
import { Bookings1763920200000 } from './migrations/1763920200000-Bookings';
import { ClinicTreatmentOfferingEntity } from './catalogue/clinic-treatment-offering.entity';
import { TreatmentOfferings1763920400000 } from './migrations/1763920400000-TreatmentOfferings';

import { BookingSeriesEntity } from './series/booking-series.entity';
import { BookingSeries1763920500000 } from './migrations/1763920500000-BookingSeries';
import { SeriesMaintenance1763921000000 } from './migrations/1763921000000-SeriesMaintenance';
import { SeriesMaintenanceTreatment1763921100000 } from './migrations/1763921100000-SeriesMaintenanceTreatment';

import { BookingAttention1763920700000 } from './migrations/1763920700000-BookingAttention';
import { Waitlist1763920600000 } from './migrations/1763920600000-Waitlist';
import { WaitlistExpiry1763920800000 } from './migrations/1763920800000-WaitlistExpiry';
import { CancellationPolicyEntity } from './cancellation-policies/cancellation-policy.entity';
import { CancellationPolicies1763921200000 } from './migrations/1763921200000-CancellationPolicies';

export const bookingDefinition: ServiceDefinition = {
  name: 'booking',
  entities: [
    TreatmentEntity,
    ClinicProjectionEntity,
    ...PROJECTION_ENTITIES,
    BookingEntity,
    IdempotencyKeyEntity,
    ClinicTreatmentOfferingEntity,
    BookingSeriesEntity,
    CancellationPolicyEntity,
  ],
  migrations: [
    MessagingTables1763900000000,
    TreatmentCatalogue1763900000100,
    ClinicProjection1763900000200,
    BookingProjections1763920000000,
    Bookings1763920200000,
    TreatmentOfferings1763920400000,
    BookingSeries1763920500000,
    SeriesMaintenance1763921000000,
    SeriesMaintenanceTreatment1763921100000,
    BookingAttention1763920700000,
    Waitlist1763920600000,
    WaitlistExpiry1763920800000,
    CancellationPolicies1763921200000,
  ],
  orphanedTypes: [ClinicModel],
};

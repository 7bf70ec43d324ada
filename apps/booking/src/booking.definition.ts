import { ServiceDefinition } from '@app/platform/service-definition';
import { TreatmentEntity } from './catalogue/treatment.entity';
import { ClinicModel } from './clinics/clinic.model';
import { ClinicProjectionEntity } from './clinics/clinic-projection.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { TreatmentCatalogue1763900000100 } from './migrations/1763900000100-TreatmentCatalogue';
import { ClinicProjection1763900000200 } from './migrations/1763900000200-ClinicProjection';
import { BookingProjections1763920000000 } from './migrations/1763920000000-BookingProjections';
import { PROJECTION_ENTITIES } from './projections/projection-entities';

export const bookingDefinition: ServiceDefinition = {
  name: 'booking',
  entities: [TreatmentEntity, ClinicProjectionEntity, ...PROJECTION_ENTITIES],
  migrations: [
    MessagingTables1763900000000,
    TreatmentCatalogue1763900000100,
    ClinicProjection1763900000200,
    BookingProjections1763920000000,
  ],
  orphanedTypes: [ClinicModel],
};

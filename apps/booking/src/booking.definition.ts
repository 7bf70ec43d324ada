import { ServiceDefinition } from '@app/platform/service-definition';
import { TreatmentEntity } from './catalogue/treatment.entity';
import { ClinicModel } from './clinics/clinic.model';
import { ClinicProjectionEntity } from './clinics/clinic-projection.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { TreatmentCatalogue1763900000100 } from './migrations/1763900000100-TreatmentCatalogue';
import { ClinicProjection1763900000200 } from './migrations/1763900000200-ClinicProjection';

export const bookingDefinition: ServiceDefinition = {
  name: 'booking',
  entities: [TreatmentEntity, ClinicProjectionEntity],
  migrations: [
    MessagingTables1763900000000,
    TreatmentCatalogue1763900000100,
    ClinicProjection1763900000200,
  ],
  orphanedTypes: [ClinicModel],
};

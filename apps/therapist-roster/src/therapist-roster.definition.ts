import { ServiceDefinition } from '@app/platform/service-definition';
import { ClinicEntity } from './clinics/clinic.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { Clinics1763900000100 } from './migrations/1763900000100-Clinics';

export const therapistRosterDefinition: ServiceDefinition = {
  name: 'therapist-roster',
  entities: [ClinicEntity],
  migrations: [MessagingTables1763900000000, Clinics1763900000100],
};

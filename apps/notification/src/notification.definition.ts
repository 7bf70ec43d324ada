import { ServiceDefinition } from '@app/platform/service-definition';
import { ClinicModel } from './messaging-policy/messaging-policy.model';
import { MessagingPolicyEntity } from './messaging-policy/messaging-policy.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { ClinicMessagingPolicy1763900000100 } from './migrations/1763900000100-ClinicMessagingPolicy';

export const notificationDefinition: ServiceDefinition = {
  name: 'notification',
  entities: [MessagingPolicyEntity],
  migrations: [MessagingTables1763900000000, ClinicMessagingPolicy1763900000100],
  orphanedTypes: [ClinicModel],
};

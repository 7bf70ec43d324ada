import { ServiceDefinition } from '@app/platform/service-definition';
import { ConsentFormEntity } from './consent-forms/consent-form.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { ConsentForms1763900000100 } from './migrations/1763900000100-ConsentForms';

export const clientRecordDefinition: ServiceDefinition = {
  name: 'client-record',
  entities: [ConsentFormEntity],
  migrations: [MessagingTables1763900000000, ConsentForms1763900000100],
};

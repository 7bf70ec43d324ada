import { ServiceDefinition } from '@app/platform/service-definition';
import { CareRelationshipEntity } from './access/care-relationship.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { CLIENT_RECORD_APP_ROLE } from './client-record.role';
import { ClientClinicEntity } from './clients/client-clinic.entity';
import { ClientEntity } from './clients/client.entity';
import { ConsentFormEntity } from './consent-forms/consent-form.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { ConsentForms1763900000100 } from './migrations/1763900000100-ConsentForms';
import { ClientCore1763910000000 } from './migrations/1763910000000-ClientCore';

export const clientRecordDefinition: ServiceDefinition = {
  name: 'client-record',
  entities: [
    ConsentFormEntity,
    ClientEntity,
    ClientClinicEntity,
    CareRelationshipEntity,
    AuditEntryEntity,
  ],
  migrations: [MessagingTables1763900000000, ConsentForms1763900000100, ClientCore1763910000000],
  databaseRole: CLIENT_RECORD_APP_ROLE,
};

import { ServiceDefinition } from '@app/platform/service-definition';
import { ClientsAndConsent1763910100000 } from './migrations/1763910100000-ClientsAndConsent';
import { CareRelationshipEntity } from './access/care-relationship.entity';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { CLIENT_RECORD_APP_ROLE } from './client-record.role';
import { ClientClinicEntity } from './clients/client-clinic.entity';
import { ClientEntity } from './clients/client.entity';
import { ConsentFormEntity } from './consent-forms/consent-form.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { ConsentForms1763900000100 } from './migrations/1763900000100-ConsentForms';
import { ClientCore1763910000000 } from './migrations/1763910000000-ClientCore';
import { Screening1763910200000 } from './migrations/1763910200000-Screening';
import { AdverseEvents1763910400000 } from './migrations/1763910400000-AdverseEvents';
import { BookingProjectionEntity } from './bookings/booking-projection.entity';
import { CarePlanEntity } from './care-plans/care-plan.entity';
import { CarePlanVersionEntity } from './care-plans/care-plan-version.entity';
import { SessionRecordEntity } from './session-records/session-record.entity';
import { SessionRecordVersionEntity } from './session-records/session-record-version.entity';
import { CareRecords1763910300000 } from './migrations/1763910300000-CareRecords';
import { ErasureRequestEntity } from './gdpr/erasure-request.entity';
import { ErasureRequests1763910500000 } from './migrations/1763910500000-ErasureRequests';
import { CareRelationshipEventOrder1763910600000 } from './migrations/1763910600000-CareRelationshipEventOrder';

export const clientRecordDefinition: ServiceDefinition = {
  name: 'client-record',
  entities: [
    ConsentFormEntity,
    ClientEntity,
    ClientClinicEntity,
    CareRelationshipEntity,
    AuditEntryEntity,
    BookingProjectionEntity,
    CarePlanEntity,
    CarePlanVersionEntity,
    SessionRecordEntity,
    SessionRecordVersionEntity,
    ErasureRequestEntity,
  ],
  migrations: [
    MessagingTables1763900000000,
    ConsentForms1763900000100,
    ClientCore1763910000000,
    Screening1763910200000,
    CareRecords1763910300000,
    AdverseEvents1763910400000,
    ErasureRequests1763910500000,
    ClientsAndConsent1763910100000,
    CareRelationshipEventOrder1763910600000,
  ],
  databaseRole: CLIENT_RECORD_APP_ROLE,
};

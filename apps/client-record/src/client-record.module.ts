import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceConfig } from '@app/config';
import { ServicePlatformModule } from '@app/platform';
import { clientRecordDefinition } from './client-record.definition';
import { ClientCoreModule } from './access/client-core.module';
import { ClientsModule } from './clients/clients.module';
import { ConsentModule } from './consent/consent.module';
import { ConsentFormsModule } from './consent-forms/consent-forms.module';
import { ScreeningModule } from './screening/screening.module';
import { AdverseEventsModule } from './adverse-events/adverse-events.module';
import { AuditTrailModule } from './audit/audit-trail.module';
import { OutcomesModule } from './outcomes/outcomes.module';
import { GdprModule } from './gdpr/gdpr.module';
import { BookingsModule } from './bookings/bookings.module';
import { CarePlansModule } from './care-plans/care-plans.module';
import { SessionRecordsModule } from './session-records/session-records.module';

@Module({})
export class ClientRecordModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: ClientRecordModule,
      imports: [
        ServicePlatformModule.forService(clientRecordDefinition, config, logger),
        ClientCoreModule,
        ClientsModule,
        ConsentModule,
        ConsentFormsModule,
        ScreeningModule,
        AdverseEventsModule,
        AuditTrailModule,
        OutcomesModule,
        GdprModule,
        BookingsModule,
        CarePlansModule,
        SessionRecordsModule,
      ],
    };
  }
}

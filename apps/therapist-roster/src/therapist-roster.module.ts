import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceConfig } from '@app/config';
import { ServicePlatformModule } from '@app/platform';
import { CertificationsModule } from './certifications/certifications.module';
import { ClinicsModule } from './clinics/clinics.module';
import { SchedulesModule } from './schedules/schedules.module';
import { therapistRosterDefinition } from './therapist-roster.definition';
import { TherapistsModule } from './therapists/therapists.module';

@Module({})
export class TherapistRosterModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: TherapistRosterModule,
      imports: [
        ServicePlatformModule.forService(therapistRosterDefinition, config, logger),
        ClinicsModule,
        TherapistsModule,
        CertificationsModule,
        SchedulesModule,
      ],
    };
  }
}

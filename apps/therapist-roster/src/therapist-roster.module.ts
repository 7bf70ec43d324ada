import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceConfig } from '@app/config';
import { ServicePlatformModule } from '@app/platform';
import { ClinicsModule } from './clinics/clinics.module';
import { therapistRosterDefinition } from './therapist-roster.definition';

@Module({})
export class TherapistRosterModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: TherapistRosterModule,
      imports: [
        ServicePlatformModule.forService(therapistRosterDefinition, config, logger),
        ClinicsModule,
      ],
    };
  }
}

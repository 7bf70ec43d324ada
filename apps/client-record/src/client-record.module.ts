import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceConfig } from '@app/config';
import { ServicePlatformModule } from '@app/platform';
import { clientRecordDefinition } from './client-record.definition';
import { ClientCoreModule } from './access/client-core.module';
import { ConsentFormsModule } from './consent-forms/consent-forms.module';

@Module({})
export class ClientRecordModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: ClientRecordModule,
      imports: [
        ServicePlatformModule.forService(clientRecordDefinition, config, logger),
        ClientCoreModule,
        ConsentFormsModule,
      ],
    };
  }
}

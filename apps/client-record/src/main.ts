import { bootstrapService } from '@app/platform';
import { ClientRecordModule } from './client-record.module';
import { clientRecordDefinition } from './client-record.definition';

void bootstrapService(clientRecordDefinition, (config, logger) =>
  ClientRecordModule.forRoot(config, logger),
);

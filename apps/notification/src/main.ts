import { bootstrapService } from '@app/platform';
import { NotificationModule } from './notification.module';
import { notificationDefinition } from './notification.definition';

void bootstrapService(notificationDefinition, (config, logger) =>
  NotificationModule.forRoot(config, logger),
);

import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceConfig } from '@app/config';
import { ServicePlatformModule } from '@app/platform';
import { MessagingPolicyModule } from './messaging-policy/messaging-policy.module';
import { notificationDefinition } from './notification.definition';

@Module({})
export class NotificationModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        ServicePlatformModule.forService(notificationDefinition, config, logger),
        MessagingPolicyModule,
      ],
    };
  }
}

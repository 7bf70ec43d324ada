import { Module } from '@nestjs/common';
import { MessagingPolicyConsumer } from './messaging-policy.consumer';
import { MessagingPolicyRepository } from './messaging-policy.repository';
import { MessagingPolicyResolver } from './messaging-policy.resolver';
import { MessagingPolicyService } from './messaging-policy.service';

@Module({
  providers: [
    MessagingPolicyRepository,
    MessagingPolicyService,
    MessagingPolicyConsumer,
    MessagingPolicyResolver,
  ],
})
export class MessagingPolicyModule {}

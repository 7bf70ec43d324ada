import { Module } from '@nestjs/common';
import { ClinicProjectionModule } from '../clinics/clinic-projection.module';
import { CancellationPoliciesRepository } from './cancellation-policies.repository';
import { CancellationPoliciesResolver } from './cancellation-policies.resolver';
import { CancellationPoliciesService } from './cancellation-policies.service';
import { ClinicCancellationPolicyResolver } from './clinic-cancellation-policy.resolver';

/** Each clinic's late-cancellation policy; the cancel use cases judge by it. */
@Module({
  imports: [ClinicProjectionModule],
  providers: [
    CancellationPoliciesRepository,
    CancellationPoliciesService,
    CancellationPoliciesResolver,
    ClinicCancellationPolicyResolver,
  ],
  exports: [CancellationPoliciesService],
})
export class CancellationPoliciesModule {}

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { TherapistModel } from '../therapists/therapist.model';
import { CertificationModel } from './certification.model';
import { CertificationsService } from './certifications.service';
import { toCertificationModel } from './to-certification-model';

/** Therapist.certifications: this context's part of the Therapist type. */
@Resolver(() => TherapistModel)
export class TherapistCertificationsResolver {
  constructor(private readonly service: CertificationsService) {}

  @ResolveField(() => [CertificationModel], { description: 'Newest first.' })
  async certifications(
    @CurrentCaller() caller: Caller,
    @Parent() therapist: TherapistModel,
  ): Promise<CertificationModel[]> {
    return (await this.service.certificationsOf(caller, therapist)).map(toCertificationModel);
  }
}

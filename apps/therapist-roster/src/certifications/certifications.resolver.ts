import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { isCalendarDate, utcDateOf } from '../therapists/domain/calendar-date';
import { CertificationModel, CertificationStatusEnum } from './certification.model';
import { CertificationsService } from './certifications.service';
import { CertificationError, CertificationErrorCode } from './certifications.errors';
import { CertificationStatus, certificationStatusAt } from './domain/certification-status';
import { RecordCertificationInput } from './dto/record-certification.input';
import { toCertificationModel } from './to-certification-model';

@Resolver(() => CertificationModel)
export class CertificationsResolver {
  constructor(private readonly service: CertificationsService) {}

  @Query(() => CertificationModel)
  async certification(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CertificationModel> {
    return toCertificationModel(await this.service.getCertification(caller, id));
  }

  @Mutation(() => CertificationModel, {
    description:
      "Head office, or a manager of one of the therapist's clinics, records a certification (unverified).",
  })
  @Roles('head_office_admin', 'clinic_manager')
  async recordCertification(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RecordCertificationInput,
  ): Promise<CertificationModel> {
    return toCertificationModel(await this.service.recordCertification(caller, input));
  }

  @Mutation(() => CertificationModel, {
    description:
      'Head office or a clinical lead verifies a certification; you are recorded as the verifier.',
  })
  @Roles('head_office_admin', 'clinical_lead')
  async verifyCertification(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CertificationModel> {
    return toCertificationModel(await this.service.verifyCertification(caller, id));
  }

  @Mutation(() => CertificationModel, {
    description:
      "Head office, a clinical lead or a manager of one of the therapist's clinics revokes a certification from today.",
  })
  @Roles('head_office_admin', 'clinical_lead', 'clinic_manager')
  async revokeCertification(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<CertificationModel> {
    return toCertificationModel(await this.service.revokeCertification(caller, id, reason));
  }

  @ResolveField(() => CertificationStatusEnum, {
    description: 'The status on a date (YYYY-MM-DD, default today UTC).',
  })
  status(
    @Parent() certification: CertificationModel,
    @Args('on', { type: () => String, nullable: true }) on: string | null,
  ): CertificationStatus {
    const at = on ?? utcDateOf(new Date());
    if (!isCalendarDate(at)) {
      throw new CertificationError(
        CertificationErrorCode.InvalidDate,
        `on "${at}" is not a date; use YYYY-MM-DD`,
        { field: 'on' },
      );
    }
    return certificationStatusAt(certification, at);
  }
}

import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CLINIC_STATUSES, ClinicStatus } from './domain/clinic-status';

export const ClinicStatusEnum = Object.fromEntries(CLINIC_STATUSES.map((s) => [s, s])) as {
  [K in ClinicStatus]: K;
};
registerEnumType(ClinicStatusEnum, { name: 'ClinicStatus' });

@ObjectType('Clinic', { description: 'A clinic of the network. Owned by therapist-roster.' })
@Directive('@key(fields: "id")')
export class ClinicModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Short stable code, e.g. LDS-01.' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'IANA timezone; opening hours and shifts are wall-clock times in it.' })
  timezone!: string;

  @Field(() => ClinicStatusEnum)
  status!: ClinicStatus;

  @Field()
  openedAt!: Date;
}

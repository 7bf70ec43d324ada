import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClinicAddressModel } from './clinic-address.model';
import { ClinicContactModel } from './clinic-contact.model';
import { ClinicRoomModel } from './clinic-room.model';
import { CLINIC_STATUSES, ClinicStatus } from './domain/clinic-status';
import { OpeningHoursExceptionModel } from './opening-hours-exception.model';
import { WeeklyOpeningHoursModel } from './weekly-opening-hours.model';

export const ClinicStatusEnum = Object.fromEntries(CLINIC_STATUSES.map((s) => [s, s])) as {
  [K in ClinicStatus]: K;
};
registerEnumType(ClinicStatusEnum, {
  name: 'ClinicStatus',
  description:
    'opening → active or closed; active → suspended or closed; suspended → active or closed; closed is final.',
});

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

  @Field(() => ClinicAddressModel, {
    nullable: true,
    description: 'Null only while opening, before head office records it.',
  })
  address!: ClinicAddressModel | null;

  @Field(() => ClinicContactModel, {
    nullable: true,
    description: 'Null when not set, and always for integrators.',
  })
  contact!: ClinicContactModel | null;

  @Field(() => WeeklyOpeningHoursModel)
  openingHours!: WeeklyOpeningHoursModel;

  @Field(() => [OpeningHoursExceptionModel], { description: 'Sorted by date.' })
  hoursExceptions!: OpeningHoursExceptionModel[];

  @Field(() => [ClinicRoomModel], { description: 'Active and retired rooms, oldest first.' })
  rooms!: ClinicRoomModel[];

  @Field()
  openedAt!: Date;
}

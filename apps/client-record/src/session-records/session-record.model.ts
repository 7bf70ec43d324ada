import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SessionRecordStatusEnum {
  open = 'open',
  recorded = 'recorded',
}
registerEnumType(SessionRecordStatusEnum, {
  name: 'SessionRecordStatus',
  description: 'open: the booking completed and the therapist has not written it up yet.',
});

@ObjectType('RangeOfMotion')
export class RangeOfMotionModel {
  @Field({ description: 'e.g. lumbar_spine, hip, knee, shoulder, cervical_spine' })
  joint!: string;

  @Field({ description: 'e.g. flexion, extension, rotation, lateral_flexion' })
  movement!: string;

  @Field({ description: 'left, right, bilateral or none' })
  side!: string;

  @Field()
  degrees!: number;
}

@ObjectType('SessionRecordVersion', {
  description: 'One version of a session record; amendments add versions, the original is kept.',
})
export class SessionRecordVersionModel {
  @Field(() => Int)
  version!: number;

  @Field(() => Int, { description: 'NPRS 0-10 before the session.' })
  painBefore!: number;

  @Field(() => Int, { description: 'NPRS 0-10 after the session.' })
  painAfter!: number;

  @Field(() => [RangeOfMotionModel])
  rangeOfMotion!: RangeOfMotionModel[];

  @Field(() => [String], { description: 'e.g. pnf_contract_relax, pnf_hold_relax, static' })
  techniques!: string[];

  @Field()
  notes!: string;

  @Field(() => String, { nullable: true, description: 'Why it was amended; null for version 1.' })
  reason!: string | null;

  @Field({ description: 'Login subject of whoever wrote this version.' })
  writtenBy!: string;

  @Field()
  writtenByRole!: string;

  @Field()
  writtenAt!: Date;
}

@ObjectType('SessionRecord', { description: 'The clinical record of one booking.' })
export class SessionRecordModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  bookingId!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => ID)
  therapistId!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field({ description: 'Clinic-local date of the session, YYYY-MM-DD.' })
  sessionDate!: string;

  @Field()
  startedAt!: Date;

  @Field(() => SessionRecordStatusEnum)
  status!: SessionRecordStatusEnum;

  @Field(() => SessionRecordVersionModel, {
    nullable: true,
    description: 'The latest version; null while the record is open.',
  })
  current!: SessionRecordVersionModel | null;

  @Field(() => [SessionRecordVersionModel], {
    nullable: true,
    description: 'Every version, oldest first: on sessionRecord(id) and mutations; null in lists.',
  })
  versions!: SessionRecordVersionModel[] | null;
}

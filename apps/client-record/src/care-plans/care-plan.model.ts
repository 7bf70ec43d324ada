import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum CarePlanStatusEnum {
  active = 'active',
  completed = 'completed',
  discontinued = 'discontinued',
}
registerEnumType(CarePlanStatusEnum, {
  name: 'CarePlanStatus',
  description:
    'Only an active plan may change; completed and discontinued plans are kept as they are.',
});

@ObjectType('CarePlanVersion', { description: 'A care plan as one change left it.' })
export class CarePlanVersionModel {
  @Field(() => Int)
  version!: number;

  @Field(() => CarePlanStatusEnum)
  status!: CarePlanStatusEnum;

  @Field(() => [String])
  goals!: string[];

  @Field(() => [String], {
    description:
      'lower_back_pain, sciatica, neck_shoulder, fibromyalgia, osteoarthritis, sports_injury or other',
  })
  targetConditions!: string[];

  @Field(() => Int, { description: 'Initial phase: sessions a week.' })
  sessionsPerWeek!: number;

  @Field(() => Int, { description: 'Initial phase: how many weeks.' })
  weeks!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Maintenance: one session every N weeks; null for none.',
  })
  maintenanceEveryWeeks!: number | null;

  @Field(() => ID, { nullable: true })
  preferredTherapistId!: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD, after startsOn' })
  reviewOn!: string;

  @Field(() => String, { nullable: true, description: 'Why it changed (updates only).' })
  changeNote!: string | null;

  @Field({ description: 'Login subject of whoever wrote this version.' })
  writtenBy!: string;

  @Field()
  writtenByRole!: string;

  @Field()
  writtenAt!: Date;
}

@ObjectType('CarePlan', { description: "A client's plan of care at one clinic." })
export class CarePlanModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => CarePlanVersionModel, { description: 'The plan as it stands.' })
  current!: CarePlanVersionModel;

  @Field(() => [CarePlanVersionModel], {
    nullable: true,
    description: 'Every version, oldest first: on carePlan(id) and mutations; null in lists.',
  })
  history!: CarePlanVersionModel[] | null;
}

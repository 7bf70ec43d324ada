import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ClientOutcome', {
  description:
    "A client's pain outcome: the pre-session NPRS (0–10) of their first rated session against that of their latest (pre-session on both ends, so a session's immediate relief does not count). The screening baseline is not used. Null fields until two sessions are rated.",
})
export class ClientOutcomeModel {
  @Field(() => ID)
  clientId!: string;

  @Field(() => Int, { description: 'Recorded sessions with a pre-session rating.' })
  ratedSessions!: number;

  @Field(() => Int, { nullable: true })
  firstPain!: number | null;

  @Field(() => Date, { nullable: true })
  firstRatedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  latestPain!: number | null;

  @Field(() => Date, { nullable: true })
  latestRatedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'latest − first: negative is less pain.' })
  change!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'change as % of first, one decimal; null when first is 0.',
  })
  percentChange!: number | null;

  @Field({ description: 'At least 2 points, or at least 30% of first, less pain.' })
  clinicallyImportantImprovement!: boolean;

  @Field({ description: 'More pain than at first.' })
  worsened!: boolean;
}

@ObjectType('OutcomeAggregate')
export class OutcomeAggregateModel {
  @Field(() => Int, { description: 'Clients with at least two rated sessions.' })
  clients!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of latest − first; null with no clients.',
  })
  meanChange!: number | null;

  @Field(() => Int)
  clinicallyImportantImprovements!: number;

  @Field(() => Float, { nullable: true, description: '0–1; null with no clients.' })
  clinicallyImportantImprovementShare!: number | null;

  @Field(() => Int)
  worsened!: number;
}

@ObjectType('ClinicOutcomeAggregate', {
  description: 'Clients attending the clinic (one attending two clinics counts in both).',
})
export class ClinicOutcomeAggregateModel extends OutcomeAggregateModel {
  @Field(() => ID)
  clinicId!: string;
}

@ObjectType('ConditionOutcomeAggregate', {
  description:
    'Clients whose latest screening lists the condition (one with two conditions counts in both).',
})
export class ConditionOutcomeAggregateModel extends OutcomeAggregateModel {
  @Field()
  condition!: string;
}

@ObjectType('OutcomeSummary')
export class OutcomeSummaryModel {
  @Field(() => ID, { nullable: true, description: 'The clinic asked for, if any.' })
  clinicId!: string | null;

  @Field(() => String, { nullable: true, description: 'The condition asked for, if any.' })
  condition!: string | null;

  @Field(() => OutcomeAggregateModel, { description: 'Every client the summary covers, once.' })
  overall!: OutcomeAggregateModel;

  @Field(() => [ClinicOutcomeAggregateModel])
  byClinic!: ClinicOutcomeAggregateModel[];

  @Field(() => [ConditionOutcomeAggregateModel])
  byCondition!: ConditionOutcomeAggregateModel[];
}

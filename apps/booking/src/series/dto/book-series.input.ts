import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class BookSeriesInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID) clinicId!: string;
  @Field(() => ID, {
    description:
      "The intensive sessions' treatment, and the maintenance sessions' unless maintenanceTreatmentId is given. The clinic chooses it when booking (a care plan names no treatment).",
  })
  treatmentId!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      "Needed without a care plan. With one: defaults to the plan's preferred therapist; a therapistId given here wins.",
  })
  therapistId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Take sessionsPerWeek and weeks (and the defaults for therapistId, startsOn and the maintenance interval) from this active care plan of the client.',
  })
  carePlanId?: string | null;
  @Field(() => Int, { nullable: true, description: '1–5; needed without a care plan.' })
  sessionsPerWeek?: number | null;
  @Field(() => Int, { nullable: true, description: '1–26; needed without a care plan.' })
  weeks?: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      '0–12 (default 0): maintenance sessions after the intensive weeks, one every maintenanceEveryWeeks weeks of the care plan, on the first of preferredWeekdays at preferredTime. Needs a care plan with a maintenance phase.',
  })
  maintenanceSessions?: number | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "The maintenance sessions' treatment (e.g. the 45-minute maintenance session), at the clinic's price; default treatmentId. Only with maintenanceSessions.",
  })
  maintenanceTreatmentId?: string | null;
  @Field(() => [String], {
    description: 'Exactly sessionsPerWeek distinct weekdays: monday … sunday.',
  })
  preferredWeekdays!: string[];
  @Field({ description: 'Clinic-local "HH:MM" on the 15-minute grid, e.g. "10:00".' })
  preferredTime!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "Clinic-local date YYYY-MM-DD: the first day of the first week. Needed without a care plan. With one: defaults to the plan's startsOn, or the clinic's tomorrow when that date is today or has passed.",
  })
  startsOn?: string | null;
  @Field({ description: 'A new random key per request; the same key on a retry.' })
  idempotencyKey!: string;
}

import { Field, Float, InputType, Int } from '@nestjs/graphql';

@InputType()
export class RangeOfMotionInput {
  @Field({
    description:
      'cervical_spine, thoracic_spine, lumbar_spine, shoulder, elbow, wrist, hip, knee or ankle',
  })
  joint!: string;

  @Field({
    description:
      'flexion, extension, abduction, adduction, internal_rotation, external_rotation, lateral_flexion, rotation, dorsiflexion or plantarflexion',
  })
  movement!: string;

  @Field({ description: 'left, right, bilateral or none' })
  side!: string;

  @Field(() => Float, { description: 'Degrees, 0-360.' })
  degrees!: number;
}

@InputType()
export class SessionContentInput {
  @Field(() => Int, { description: 'NPRS 0-10 before the session.' })
  painBefore!: number;

  @Field(() => Int, { description: 'NPRS 0-10 after the session.' })
  painAfter!: number;

  @Field(() => [RangeOfMotionInput], { defaultValue: [] })
  rangeOfMotion!: RangeOfMotionInput[];

  @Field(() => [String], {
    description:
      'At least one of pnf_contract_relax, pnf_hold_relax, pnf_contract_relax_agonist_contract, static, dynamic, myofascial_release, active_isolated, other',
  })
  techniques!: string[];

  @Field(() => String, { nullable: true, description: 'Free-text clinical notes.' })
  notes?: string | null;
}

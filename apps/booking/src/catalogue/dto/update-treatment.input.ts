import { Field, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Fields left out stay as they are. The code and kind never change.' })
export class UpdateTreatmentInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  bufferAfterMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  pricePence?: number | null;

  @Field(() => [String], { nullable: true })
  requiredCertifications?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  requiresScreeningClearance?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  selfBookable?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false retires the treatment (nothing is deleted); true brings it back.',
  })
  active?: boolean | null;
}

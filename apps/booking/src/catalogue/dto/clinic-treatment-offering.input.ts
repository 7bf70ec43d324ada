import { Field, InputType, Int } from '@nestjs/graphql';

@InputType()
export class ClinicTreatmentOfferingInput {
  @Field()
  offered!: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      "The clinic's price in pence. Left out: keep the clinic's current price; null: charge the network price.",
  })
  pricePence?: number | null;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TreatmentModel } from './treatment.model';

@ObjectType('ClinicTreatmentOffering', {
  description: 'Whether a clinic offers a treatment, and its price there.',
})
export class ClinicTreatmentOfferingModel {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => TreatmentModel)
  treatment!: TreatmentModel;

  @Field()
  offered!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "The clinic's own price in pence; null: the network price.",
  })
  priceOverridePence!: number | null;

  @Field(() => Int, { description: 'What the clinic charges in pence.' })
  pricePence!: number;

  @Field()
  currency!: string;
}

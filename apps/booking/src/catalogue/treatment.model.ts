import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TreatmentKind } from './domain/treatment-kind';
import { TreatmentKindEnum } from './treatment-kind.enum';

@ObjectType('Treatment', { description: 'A treatment of the network catalogue. Owned by booking.' })
@Directive('@key(fields: "id")')
export class TreatmentModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable code, e.g. PNF_STRETCH_60.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => TreatmentKindEnum)
  kind!: TreatmentKind;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Int, { description: 'Time kept free after the treatment (notes, room reset).' })
  bufferAfterMinutes!: number;

  @Field(() => Int, { description: 'Network list price in pence.' })
  pricePence!: number;

  @Field()
  currency!: string;

  @Field(() => [String], { description: 'Certifications the therapist must hold on the day.' })
  requiredCertifications!: string[];

  @Field({ description: 'Whether the client must be cleared by health screening first.' })
  requiresScreeningClearance!: boolean;

  @Field({ description: 'Whether clients may book it themselves online.' })
  selfBookable!: boolean;

  @Field({ description: 'False once head office retired it: no clinic offers it.' })
  active!: boolean;
}

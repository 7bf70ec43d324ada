import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { TreatmentModel } from '../catalogue/treatment.model';

/** Booking's part of the Clinic entity, which therapist-roster owns. */
@ObjectType('Clinic')
@Directive('@key(fields: "id")')
export class ClinicModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [TreatmentModel], { description: 'Treatments this clinic offers.' })
  treatments?: TreatmentModel[];

  @Field({ description: 'True once booking has received the clinic through roster events.' })
  bookingReady?: boolean;
}

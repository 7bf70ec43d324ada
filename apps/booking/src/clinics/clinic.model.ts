import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { ClinicTreatmentModel } from '../catalogue/clinic-treatment.model';

/** Booking's part of the Clinic entity, which therapist-roster owns. */
@ObjectType('Clinic')
@Directive('@key(fields: "id")')
export class ClinicModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [ClinicTreatmentModel], {
    description:
      "Active treatments this clinic offers, at the clinic's price. Until a clinic turns a treatment off it offers it at the network price.",
  })
  treatments?: ClinicTreatmentModel[];

  @Field({ description: 'True once booking has received the clinic through roster events.' })
  bookingReady?: boolean;
}

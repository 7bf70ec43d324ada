import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * Booking's stub of the Therapist entity, which therapist-roster owns and resolves: booking
 * only hands out the key (`resolvable: false`); the roster decides who may read what.
 */
@ObjectType('Therapist')
@Directive('@key(fields: "id", resolvable: false)')
export class TherapistReference {
  @Field(() => ID)
  id!: string;
}

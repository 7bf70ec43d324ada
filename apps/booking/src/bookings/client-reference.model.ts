import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * Booking's stub of the Client entity, which client-record owns and resolves: booking only
 * hands out the key (`resolvable: false`), and client-record applies its own permissions
 * when the gateway asks it for the fields.
 */
@ObjectType('Client')
@Directive('@key(fields: "id", resolvable: false)')
export class ClientReference {
  @Field(() => ID)
  id!: string;
}

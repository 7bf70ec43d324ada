import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { BookingModel } from './booking.model';
import { ClientReference } from './client-reference.model';
import { TherapistReference } from './therapist-reference.model';

/** An entity reference as the gateway expects it: client-record / roster fill in the rest. */
type Reference<T extends string> = { readonly __typename: T; readonly id: string };

/**
 * `Booking.client` and `Booking.therapist` across subgraphs. Booking returns only the key;
 * the owning service resolves the entity with its own permissions, so a caller refused
 * there gets null for the field and a FORBIDDEN error beside the rest of the booking.
 */
@Resolver(() => BookingModel)
export class BookingReferencesResolver {
  @ResolveField('client', () => ClientReference, {
    nullable: true,
    description:
      'The client, resolved by client-record with its permissions (null with an error where it refuses).',
  })
  client(@Parent() booking: BookingModel): Reference<'Client'> {
    return { __typename: 'Client', id: booking.clientId };
  }

  @ResolveField('therapist', () => TherapistReference, {
    nullable: true,
    description:
      'The therapist, resolved by therapist-roster with its permissions (clients are refused: null with FORBIDDEN).',
  })
  therapist(@Parent() booking: BookingModel): Reference<'Therapist'> {
    return { __typename: 'Therapist', id: booking.therapistId };
  }
}

import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { RegistrationChannel } from './domain/client';

export const RegistrationChannelEnum = { staff: 'staff', online: 'online' } as const;
registerEnumType(RegistrationChannelEnum, {
  name: 'ClientRegistrationChannel',
  description: 'staff: registered by clinic staff; online: by the client through a clinic website.',
});

@ObjectType('ClientAddress')
export class ClientAddressModel {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field()
  town!: string;

  @Field({ description: 'UK postcode in standard form, e.g. "LS1 4AP".' })
  postcode!: string;
}

@ObjectType('GpPractice')
export class GpPracticeModel {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +441134960000.' })
  phone!: string | null;
}

@ObjectType('EmergencyContact')
export class EmergencyContactModel {
  @Field()
  name!: string;

  @Field()
  relationship!: string;

  @Field({ description: 'E.164, e.g. +447700900123.' })
  phone!: string;
}

@ObjectType('ClientClinic', { description: 'A clinic the client attends.' })
export class ClientClinicModel {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The clinic's name, as roster last published it (null if not yet known here).",
  })
  name!: string | null;

  @Field({ description: 'When the client started attending this clinic.' })
  since!: Date;
}

const PERSONAL =
  'Null for integrators (their grant is ids and eligibility status only) and after an erasure request.';

/**
 * A client (patient), owned by client-record. Other contexts of this service add fields
 * with their own @ResolveField on this class (eligibility, screening, care plans, consents),
 * each checking the caller's access for its purpose. Every field but `id` is nullable: an
 * integrator sees the id only, and an erasure request removes personal details.
 */
@ObjectType('Client', {
  description:
    'A client of the network. Demographics need profile access (clinic staff of their clinics, their therapists, head office, the client); integrators see the id only.',
})
@Directive('@key(fields: "id")')
export class ClientModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: PERSONAL })
  givenName!: string | null;

  @Field(() => String, { nullable: true, description: PERSONAL })
  familyName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: `YYYY-MM-DD. Null for integrators; kept after erasure until the purge (retention rules need it).`,
  })
  dateOfBirth!: string | null;

  @Field(() => String, { nullable: true, description: `Lower-cased. ${PERSONAL}` })
  email!: string | null;

  @Field(() => String, { nullable: true, description: `E.164, e.g. +447700900123. ${PERSONAL}` })
  phone!: string | null;

  @Field(() => ClientAddressModel, { nullable: true, description: PERSONAL })
  address!: ClientAddressModel | null;

  @Field(() => GpPracticeModel, { nullable: true, description: PERSONAL })
  gpPractice!: GpPracticeModel | null;

  @Field(() => EmergencyContactModel, { nullable: true, description: PERSONAL })
  emergencyContact!: EmergencyContactModel | null;

  @Field(() => [ClientClinicModel], {
    nullable: true,
    description: 'The clinics the client attends, oldest first. Null for integrators.',
  })
  clinics!: ClientClinicModel[] | null;

  @Field(() => RegistrationChannelEnum, { nullable: true, description: 'Null for integrators.' })
  registeredVia!: RegistrationChannel | null;

  @Field(() => Date, { nullable: true, description: 'Null for integrators.' })
  registeredAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set once the client asked for erasure. Null for integrators.',
  })
  erasedAt!: Date | null;
}

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConsentKindEnum } from '../consent-forms/consent-form.model';
import {
  CONSENT_CHANNELS,
  CONSENT_METHODS,
  ConsentChannel,
  ConsentKind,
  ConsentMethod,
} from './domain/consent';

export const ConsentChannelEnum = Object.fromEntries(CONSENT_CHANNELS.map((c) => [c, c])) as {
  [K in ConsentChannel]: K;
};
registerEnumType(ConsentChannelEnum, { name: 'ConsentChannel' });

export const ConsentMethodEnum = Object.fromEntries(CONSENT_METHODS.map((m) => [m, m])) as {
  [K in ConsentMethod]: K;
};
registerEnumType(ConsentMethodEnum, {
  name: 'ConsentMethod',
  description: 'How the client gave or withdrew the consent.',
});

@ObjectType('ConsentEntry', {
  description: 'One entry of the consent ledger: a grant or a withdrawal, never changed.',
})
export class ConsentEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentKindEnum)
  kind!: ConsentKind;

  @Field(() => ConsentChannelEnum, {
    nullable: true,
    description: 'Null for treatment consent; email or sms otherwise.',
  })
  channel!: ConsentChannel | null;

  @Field()
  granted!: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'The consent form version agreed to (always set for a treatment grant).',
  })
  formVersionId!: string | null;

  @Field(() => ConsentMethodEnum)
  method!: ConsentMethod;

  @Field({ description: 'When the client gave or withdrew it.' })
  effectiveAt!: Date;

  @Field({ description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field({ description: 'The login that recorded it.' })
  recordedBySubject!: string;

  @Field()
  recordedByRole!: string;
}

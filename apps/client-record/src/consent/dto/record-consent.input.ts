import { Field, ID, InputType } from '@nestjs/graphql';
import { ConsentKindEnum } from '../../consent-forms/consent-form.model';
import { ConsentChannelEnum, ConsentMethodEnum } from '../consent.model';
import type { ConsentChannel, ConsentKind, ConsentMethod } from '../domain/consent';

@InputType()
export class RecordConsentInput {
  @Field(() => ConsentKindEnum)
  kind!: ConsentKind;

  @Field(() => ConsentChannelEnum, {
    nullable: true,
    description: 'Required for service_messages and marketing; leave out for treatment.',
  })
  channel?: ConsentChannel | null;

  @Field({ description: 'true grants, false withdraws.' })
  granted!: boolean;

  @Field(() => ConsentMethodEnum, { description: 'A client recording their own: online.' })
  method!: ConsentMethod;

  @Field(() => ID, {
    nullable: true,
    description: 'The consent form version (see consentForms); required to grant treatment.',
  })
  formVersionId?: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the client gave it (default now); at most 365 days ago, never future.',
  })
  effectiveAt?: Date | null;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ConsentKindEnum)
  kind!: ConsentKind;

  @Field(() => ConsentChannelEnum, { nullable: true })
  channel?: ConsentChannel | null;

  @Field(() => ConsentMethodEnum)
  method!: ConsentMethod;

  @Field(() => Date, { nullable: true, description: 'When the client withdrew it (default now).' })
  effectiveAt?: Date | null;
}

import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CONSENT_KINDS, ConsentKind } from './domain/consent-form';

export const ConsentKindEnum = Object.fromEntries(CONSENT_KINDS.map((k) => [k, k])) as {
  [K in ConsentKind]: K;
};
registerEnumType(ConsentKindEnum, { name: 'ConsentKind' });

@ObjectType('ConsentForm', {
  description: 'A published consent form version. Owned by client-record.',
})
@Directive('@key(fields: "id")')
export class ConsentFormModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ConsentKindEnum)
  kind!: ConsentKind;

  @Field(() => Int)
  version!: number;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field()
  publishedAt!: Date;
}

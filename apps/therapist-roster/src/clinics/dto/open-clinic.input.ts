import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class OpenClinicInput {
  @Field({
    description: 'Short stable code, 2–8 letters or digits with an optional suffix: LDS-01.',
  })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'IANA timezone, e.g. Europe/London.' })
  timezone!: string;
}

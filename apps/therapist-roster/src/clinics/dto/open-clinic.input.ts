import { Field, InputType } from '@nestjs/graphql';
import { ClinicAddressInput } from './clinic-address.input';
import { ClinicContactInput } from './clinic-contact.input';
import { OpeningHoursExceptionInput } from './opening-hours-exception.input';
import { WeeklyOpeningHoursInput } from './weekly-opening-hours.input';

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

  @Field(() => ClinicAddressInput, {
    nullable: true,
    description: 'May follow later, but the clinic cannot go active without one.',
  })
  address?: ClinicAddressInput | null;

  @Field(() => ClinicContactInput, { nullable: true })
  contact?: ClinicContactInput | null;

  @Field(() => WeeklyOpeningHoursInput, {
    nullable: true,
    description: 'Default: closed every day until set.',
  })
  openingHours?: WeeklyOpeningHoursInput | null;

  @Field(() => [OpeningHoursExceptionInput], { nullable: true })
  hoursExceptions?: OpeningHoursExceptionInput[] | null;

  @Field(() => [String], { nullable: true, description: "Names of the clinic's first rooms." })
  rooms?: string[] | null;
}

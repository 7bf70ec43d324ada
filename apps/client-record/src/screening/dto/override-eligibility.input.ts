import { Field, InputType } from '@nestjs/graphql';
import type { ScreeningOutcome } from '../domain/screening-terms';
import { ScreeningOutcomeEnum } from '../screening-enums';

@InputType()
export class OverrideEligibilityInput {
  @Field(() => ScreeningOutcomeEnum)
  status!: ScreeningOutcome;

  @Field({
    description: 'Why the screening outcome does not apply; required, up to 1000 characters.',
  })
  reason!: string;
}

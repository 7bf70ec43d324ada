import { ArgsType, Field, ID, Int } from '@nestjs/graphql';

@ArgsType()
export class SetCancellationPolicyArgs {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => Int, { description: 'Share of the price charged for a late cancellation, 0–100.' })
  lateFeePercent!: number;

  @Field(() => Int, {
    description: 'A cancellation under this many hours before the start is late, 1–72.',
  })
  lateWindowHours!: number;
}

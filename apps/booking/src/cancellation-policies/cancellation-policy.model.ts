import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CancellationPolicy', {
  description:
    "A clinic's late-cancellation policy: a client cancelling a confirmed booking under lateWindowHours before the start pays lateFeePercent of its price (rounded down to the penny). A clinic cancelling never charges the client.",
})
export class CancellationPolicyModel {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => Int, { description: 'Share of the price charged for a late cancellation (0–100).' })
  lateFeePercent!: number;

  @Field(() => Int, {
    description: 'A cancellation under this many real hours before the start is late (1–72).',
  })
  lateWindowHours!: number;

  @Field({
    description:
      'True while the clinic has not set its own policy (the network policy: 24 h, 50%).',
  })
  networkDefault!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the clinic last set its policy.' })
  updatedAt!: Date | null;
}

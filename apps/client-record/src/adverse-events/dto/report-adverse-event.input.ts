import { Field, ID, InputType } from '@nestjs/graphql';
import { AdverseEventSeverityEnum, AdverseEventTypeEnum } from '../adverse-event.model';
import type { AdverseEventSeverity, AdverseEventType } from '../domain/adverse-event';

@InputType()
export class ReportAdverseEventInput {
  @Field(() => ID, { description: "One of the client's clinics, where it happened." })
  clinicId!: string;

  @Field(() => AdverseEventTypeEnum)
  type!: AdverseEventType;

  @Field(() => String, {
    nullable: true,
    description: 'What happened; required when type is other. Up to 2000 characters.',
  })
  description?: string | null;

  @Field(() => AdverseEventSeverityEnum)
  severity!: AdverseEventSeverity;

  @Field({ description: 'When it happened; not in the future.' })
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: "The client's booking it followed, if any." })
  bookingId?: string | null;

  @Field({
    description: 'What was done, e.g. "ice, advised rest"; "none" if nothing. 1–2000 characters.',
  })
  actionsTaken!: string;

  @Field()
  followUpRequired!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, required when followUpRequired, not before the event.',
  })
  followUpDueOn?: string | null;
}

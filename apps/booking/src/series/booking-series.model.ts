import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BookingModel } from '../bookings/booking.model';

@ObjectType('BookingSeries')
export class BookingSeriesModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clinicId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) therapistId!: string;
  @Field(() => ID) treatmentId!: string;
  @Field(() => ID, { nullable: true }) carePlanId!: string | null;
  @Field(() => Int) sessionsPerWeek!: number;
  @Field(() => Int) weeks!: number;
  @Field(() => Int, { description: 'Maintenance sessions after the intensive weeks (0: none).' })
  maintenanceSessions!: number;
  @Field(() => Int, {
    nullable: true,
    description: "Weeks between maintenance sessions (the care plan's, when booked).",
  })
  maintenanceEveryWeeks!: number | null;
  @Field(() => ID, {
    nullable: true,
    description:
      "The maintenance sessions' treatment: treatmentId unless another was chosen (e.g. a shorter maintenance session); null without maintenance sessions.",
  })
  maintenanceTreatmentId!: string | null;
  @Field(() => [String]) preferredWeekdays!: string[];
  @Field({ description: 'Clinic-local "HH:MM".' }) preferredTime!: string;
  @Field({ description: 'Clinic-local date YYYY-MM-DD.' }) startsOn!: string;
  @Field() timezone!: string;
  @Field({ description: 'active, or cancelled (the rest of the series was cancelled).' })
  status!: string;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => [BookingModel], { description: 'Every booking of the series, earliest first.' })
  bookings!: BookingModel[];
}

import { registerEnumType } from '@nestjs/graphql';
import { WEEKDAYS, Weekday } from '../clinics/domain/opening-hours';
import { TIME_OFF_KINDS, TIME_OFF_STATUSES, TimeOffKind, TimeOffStatus } from './domain/time-off';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const WeekdayEnum = enumOf<Weekday>(WEEKDAYS);
registerEnumType(WeekdayEnum, { name: 'Weekday' });

export const TimeOffKindEnum = enumOf<TimeOffKind>(TIME_OFF_KINDS);
registerEnumType(TimeOffKindEnum, { name: 'TimeOffKind' });

export const TimeOffStatusEnum = enumOf<TimeOffStatus>(TIME_OFF_STATUSES);
registerEnumType(TimeOffStatusEnum, {
  name: 'TimeOffStatus',
  description: 'requested → approved | rejected | cancelled; approved → cancelled.',
});

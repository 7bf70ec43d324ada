import { registerEnumType } from '@nestjs/graphql';
import {
  CONDITION_DURATIONS,
  CONDITIONS,
  Condition,
  ConditionDuration,
  ELIGIBILITY_CAUSES,
  ELIGIBILITY_STATUSES,
  EligibilityCause,
  EligibilityStatus,
  RED_FLAGS,
  RedFlag,
  SCREENING_OUTCOMES,
  ScreeningOutcome,
} from './domain/screening-terms';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const ScreeningConditionEnum = enumOf<Condition>(CONDITIONS);
registerEnumType(ScreeningConditionEnum, {
  name: 'ScreeningCondition',
  description: 'A condition the client comes with; `other` needs otherConditionDescription.',
});

export const ConditionDurationEnum = enumOf<ConditionDuration>(CONDITION_DURATIONS);
registerEnumType(ConditionDurationEnum, {
  name: 'ConditionDuration',
  description: 'How long the client has had the pain.',
});

export const RedFlagEnum = enumOf<RedFlag>(RED_FLAGS);
registerEnumType(RedFlagEnum, {
  name: 'RedFlag',
  description: 'A red flag asked at intake; each maps to GP clearance or not suitable.',
});

export const ScreeningOutcomeEnum = enumOf<ScreeningOutcome>(SCREENING_OUTCOMES);
registerEnumType(ScreeningOutcomeEnum, {
  name: 'ScreeningOutcome',
  description: 'What a screening (or an override) decides.',
});

export type EligibilityStatusView = EligibilityStatus | 'not_screened';

export const EligibilityStatusEnum = enumOf<EligibilityStatusView>([
  ...ELIGIBILITY_STATUSES,
  'not_screened',
]);
registerEnumType(EligibilityStatusEnum, {
  name: 'EligibilityStatus',
  description:
    'Only `cleared` allows treatment that needs screening clearance. `lapsed`: screened over 12 months ago, screen again. `not_screened`: no screening yet.',
});

export const EligibilityCauseEnum = enumOf<EligibilityCause>(ELIGIBILITY_CAUSES);
registerEnumType(EligibilityCauseEnum, {
  name: 'EligibilityCause',
  description: 'What set the current eligibility.',
});

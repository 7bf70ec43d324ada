import { registerEnumType } from '@nestjs/graphql';
import { PROFESSIONS, Profession } from './domain/profession';
import { SPECIALTIES, Specialty } from './domain/specialty';
import { THERAPIST_STATUSES, TherapistStatus } from './domain/therapist-status';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const ProfessionEnum = enumOf<Profession>(PROFESSIONS);
registerEnumType(ProfessionEnum, { name: 'Profession' });

export const SpecialtyEnum = enumOf<Specialty>(SPECIALTIES);
registerEnumType(SpecialtyEnum, { name: 'Specialty' });

export const TherapistStatusEnum = enumOf<TherapistStatus>(THERAPIST_STATUSES);
registerEnumType(TherapistStatusEnum, {
  name: 'TherapistStatus',
  description: '"left" is final; it is set by markTherapistLeft.',
});

import { registerEnumType } from '@nestjs/graphql';
import { TreatmentKind } from './domain/treatment-kind';

/** GraphQL enum whose values are the domain's TreatmentKind strings. */
export const TreatmentKindEnum: { readonly [K in TreatmentKind]: K } = {
  assessment: 'assessment',
  treatment: 'treatment',
};

registerEnumType(TreatmentKindEnum, {
  name: 'TreatmentKind',
  description:
    'assessment: the initial assessment, where screening happens (never needs clearance; the one treatment a client found not suitable may book). treatment: everything else.',
});

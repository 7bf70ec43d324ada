import type { TherapistState } from '@app/contracts';

export type Profession = TherapistState['profession'];

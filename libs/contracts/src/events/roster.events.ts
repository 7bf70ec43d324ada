import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

export const clinicStatusSchema = z.enum(['opening', 'active', 'suspended', 'closed']);

/** Carries the clinic's full public state so consumers keep projections without calling back. */
export const ClinicOpenedV1 = defineEvent({
  type: 'clinic.opened',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description: 'Head office opened a clinic in the network.',
  schema: z.object({
    clinicId: z.uuid(),
    code: z.string().min(1),
    name: z.string().min(1),
    timezone: z.string().min(1),
    status: clinicStatusSchema,
  }),
});

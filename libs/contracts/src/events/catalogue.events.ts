import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * The treatment catalogue as booking publishes it (issue 5): head office's network
 * treatments and each clinic's offering and price. Public: prices and durations for
 * integrators (websites, price lists); no client or clinical data.
 */
export const treatmentKindSchema = z.enum(['assessment', 'treatment']);

export const treatmentStateSchema = z.object({
  treatmentId: z.uuid(),
  code: z.string().min(1),
  name: z.string().min(1),
  /** `assessment`: the initial assessment, where screening happens. */
  kind: treatmentKindSchema,
  durationMinutes: z.number().int().positive(),
  bufferAfterMinutes: z.number().int().nonnegative(),
  /** The network list price in pence. */
  pricePence: z.number().int().nonnegative(),
  currency: z.literal('GBP'),
  requiredCertifications: z.array(z.string().min(1)),
  requiresScreeningClearance: z.boolean(),
  selfBookable: z.boolean(),
  /** False once retired: no clinic offers it any more. */
  active: z.boolean(),
});

export type TreatmentState = z.infer<typeof treatmentStateSchema>;

export const TreatmentChangedV1 = defineEvent({
  type: 'treatment.changed',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    'Head office created or changed a treatment of the network catalogue (retiring included); carries its full state.',
  schema: treatmentStateSchema.extend({
    change: z.enum(['created', 'updated']),
    /** The fields that changed (every field on creation), sorted. */
    changedFields: z.array(z.string()),
  }),
});

/** Keyed by the clinic id, so one clinic's offering changes stay in order. */
export const ClinicOfferingChangedV1 = defineEvent({
  type: 'clinic_offering.changed',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    "A clinic started or stopped offering a treatment or changed its price (keyed by clinic id); pricePence is the clinic's effective price.",
  schema: z.object({
    clinicId: z.uuid(),
    treatmentId: z.uuid(),
    treatmentCode: z.string().min(1),
    offered: z.boolean(),
    /** What the clinic charges: its override, else the network price. */
    pricePence: z.number().int().nonnegative(),
    /** The clinic's own price; null: it charges the network price. */
    priceOverridePence: z.number().int().nonnegative().nullable(),
    currency: z.literal('GBP'),
  }),
});

/** Keyed by the clinic id. Public: the terms a client agrees to when booking at the clinic. */
export const CancellationPolicyChangedV1 = defineEvent({
  type: 'cancellation_policy.changed',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    "Head office or the clinic's manager set the clinic's late-cancellation policy: a client cancelling a confirmed booking under lateWindowHours before the start pays lateFeePercent of its price.",
  schema: z.object({
    clinicId: z.uuid(),
    lateFeePercent: z.number().int().min(0).max(100),
    lateWindowHours: z.number().int().min(1).max(72),
    changedAt: z.iso.datetime({ offset: true }),
  }),
});

const sampleTreatment = {
  treatmentId: '6f1d2c10-0000-4000-8000-000000000002',
  code: 'PNF_STRETCH_30',
  name: 'PNF assisted stretch (30 min)',
  kind: 'treatment',
  durationMinutes: 30,
  bufferAfterMinutes: 10,
  pricePence: 3500,
  currency: 'GBP',
  requiredCertifications: ['pnf_level_1'],
  requiresScreeningClearance: true,
  selfBookable: true,
  active: true,
};

export const CATALOGUE_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  'treatment.changed': { ...sampleTreatment, change: 'updated', changedFields: ['pricePence'] },
  'clinic_offering.changed': {
    clinicId: '0b7c4f7e-2f4d-4b7e-9a51-3c1f0c2d8e11',
    treatmentId: sampleTreatment.treatmentId,
    treatmentCode: sampleTreatment.code,
    offered: true,
    pricePence: 3800,
    priceOverridePence: 3800,
    currency: 'GBP',
  },
  'cancellation_policy.changed': {
    clinicId: '0b7c4f7e-2f4d-4b7e-9a51-3c1f0c2d8e11',
    lateFeePercent: 30,
    lateWindowHours: 48,
    changedAt: '2026-03-02T09:15:00.000Z',
  },
};

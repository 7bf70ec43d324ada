import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * Working-pattern and time-off events of therapist-roster. Enough for booking to keep its own
 * availability projection: the full pattern of a therapist at a clinic, and approved or
 * cancelled absences as UTC periods. Never a note or a reason (sickness details are health
 * data and stay in therapist-roster). The time-off events are INTERNAL: their `kind` can be
 * 'sickness', which is health data, so they never reach integrators (public events must
 * carry none); booking and notification consume them inside the platform.
 */
export const patternWeekdaySchema = z.enum([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

const isoDate = z.iso.date();
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

export const patternShiftSchema = z.object({
  shiftId: z.uuid(),
  weekday: patternWeekdaySchema,
  /** Clinic wall-clock time, "HH:MM". */
  start: wallTime,
  /** Clinic wall-clock time, "HH:MM"; "24:00" is midnight at the end of the day. */
  end: wallTime,
  /** First clinic-local date the shift applies. */
  effectiveFrom: isoDate,
  /** Last clinic-local date it applies, included; null until further notice. */
  effectiveTo: isoDate.nullable(),
});

export const WorkingPatternChangedV1 = defineEvent({
  type: 'working_pattern.changed',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description:
    "A therapist's working pattern at a clinic changed from changedFrom. shifts is the FULL pattern of that therapist at that clinic (every period, past and future): replace what you hold for (therapistId, clinicId) with it. Times are wall-clock in timezone; a dated clinic exception (clinic.hours_changed) still removes or shortens shifts on its date.",
  schema: z.object({
    therapistId: z.uuid(),
    clinicId: z.uuid(),
    timezone: z.string().min(1),
    changedFrom: isoDate,
    shifts: z.array(patternShiftSchema),
  }),
});

export const timeOffKindSchema = z.enum(['holiday', 'sickness', 'training']);

const timeOffStateSchema = z.object({
  timeOffId: z.uuid(),
  therapistId: z.uuid(),
  /**
   * A snapshot of the clinics the therapist worked at when the event was written. Time off
   * applies to the therapist, not to these clinics: apply it wherever they work.
   */
  clinicIds: z.array(z.uuid()),
  kind: timeOffKindSchema,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});

export const TimeOffApprovedV1 = defineEvent({
  type: 'time_off.approved',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'internal',
  description:
    "Internal (kind may be 'sickness', which is health data: never forward it to integrators). Time off was approved: the therapist does not work in [startsAt, endsAt) (UTC). It applies per therapist, at every clinic they work at, including clinics they are assigned to later: apply it to all their shifts, not only at clinicIds (a snapshot of their clinics when it was approved). No notes or reasons.",
  schema: timeOffStateSchema,
});

export const TimeOffCancelledV1 = defineEvent({
  type: 'time_off.cancelled',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'internal',
  description:
    "Internal (kind may be 'sickness', which is health data: never forward it to integrators). Requested or approved time off was cancelled; when wasApproved, the therapist is available again in [startsAt, endsAt) as their pattern says, at every clinic they work at (clinicIds is only a snapshot of their clinics when it was cancelled).",
  schema: timeOffStateSchema.extend({ wasApproved: z.boolean() }),
});

import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

export const clinicStatusSchema = z.enum(['opening', 'active', 'suspended', 'closed']);

/** "HH:MM" wall-clock time in the clinic's timezone; an end may be "24:00" (midnight). */
const localTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);

/** A half-open wall-clock range [start, end) within one day. */
export const timeRangeSchema = z.object({ start: localTimeSchema, end: localTimeSchema });

const dayRangesSchema = z.array(timeRangeSchema);

/** Opening ranges per weekday in the clinic's wall-clock time; an empty list is a closed day. */
export const weeklyHoursSchema = z.object({
  monday: dayRangesSchema,
  tuesday: dayRangesSchema,
  wednesday: dayRangesSchema,
  thursday: dayRangesSchema,
  friday: dayRangesSchema,
  saturday: dayRangesSchema,
  sunday: dayRangesSchema,
});

/** Hours on one calendar date that replace the weekday's (no ranges: closed all day). */
export const hoursExceptionSchema = z.object({
  date: z.iso.date(),
  ranges: dayRangesSchema,
  reason: z.string().min(1),
});

export const clinicAddressSchema = z.object({
  line1: z.string().min(1),
  line2: z.string().nullable(),
  city: z.string().min(1),
  postcode: z.string().min(1),
});

export const roomStatusSchema = z.enum(['active', 'retired']);

export const clinicRoomSchema = z.object({
  roomId: z.uuid(),
  name: z.string().min(1),
  status: roomStatusSchema,
  addedAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
});

const CLOSED_ALL_WEEK = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};

/**
 * A clinic's full public state (no contact details): what a consumer needs to keep its own
 * projection of the clinic, its opening hours and rooms without calling back.
 */
export const clinicStateSchema = z.object({
  clinicId: z.uuid(),
  code: z.string().min(1),
  name: z.string().min(1),
  timezone: z.string().min(1),
  status: clinicStatusSchema,
  /** Null until head office records it; a clinic cannot go active without one. */
  address: clinicAddressSchema.nullable(),
  weeklyHours: weeklyHoursSchema,
  /** Sorted by date. */
  hoursExceptions: z.array(hoursExceptionSchema),
  /** Active and retired rooms. */
  rooms: z.array(clinicRoomSchema),
});

/**
 * Carries the clinic's full public state so consumers keep projections without calling back.
 * The fields after `status` were added later: an event written before them reads as a clinic
 * with no address, closed all week, without exceptions or rooms.
 */
export const ClinicOpenedV1 = defineEvent({
  type: 'clinic.opened',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description: 'Head office opened a clinic in the network (its full public state).',
  schema: clinicStateSchema.extend({
    address: clinicAddressSchema.nullable().default(null),
    weeklyHours: weeklyHoursSchema.default(CLOSED_ALL_WEEK),
    hoursExceptions: z.array(hoursExceptionSchema).default([]),
    rooms: z.array(clinicRoomSchema).default([]),
  }),
});

export const ClinicUpdatedV1 = defineEvent({
  type: 'clinic.updated',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description:
    "Head office changed a clinic's name, address or contact; carries the clinic's full public state.",
  schema: clinicStateSchema,
});

export const ClinicHoursChangedV1 = defineEvent({
  type: 'clinic.hours_changed',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description:
    "A clinic's weekly opening hours or dated exceptions changed; carries the timezone, the full weekly hours and every exception.",
  schema: z.object({
    clinicId: z.uuid(),
    timezone: z.string().min(1),
    weeklyHours: weeklyHoursSchema,
    hoursExceptions: z.array(hoursExceptionSchema),
  }),
});

export const ClinicStatusChangedV1 = defineEvent({
  type: 'clinic.status_changed',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description: 'Head office moved a clinic to another status (e.g. active → suspended).',
  schema: z.object({
    clinicId: z.uuid(),
    code: z.string().min(1),
    from: clinicStatusSchema,
    to: clinicStatusSchema,
  }),
});

/** Room events are keyed by the clinic id, so they stay in order with the clinic's events. */
export const RoomAddedV1 = defineEvent({
  type: 'room.added',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description: 'A treatment room was added to a clinic (keyed by clinic id).',
  schema: z.object({
    clinicId: z.uuid(),
    roomId: z.uuid(),
    name: z.string().min(1),
    addedAt: z.iso.datetime(),
  }),
});

export const RoomRetiredV1 = defineEvent({
  type: 'room.retired',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description:
    'A treatment room was retired: no new bookings, kept for history (keyed by clinic id).',
  schema: z.object({
    clinicId: z.uuid(),
    roomId: z.uuid(),
    name: z.string().min(1),
    retiredAt: z.iso.datetime(),
  }),
});

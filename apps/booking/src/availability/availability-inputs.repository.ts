import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import type {
  AvailabilityCertification,
  AvailabilityClinic,
  AvailabilityRoom,
  AvailabilityShift,
  AvailabilityTherapist,
  AvailabilityTreatment,
  BusyPeriod,
  UtcPeriod,
} from './domain/availability-query';

/** What to load: a clinic, a treatment, and the real time [from, to) to cover. */
export interface AvailabilityInputsRequest {
  readonly clinicId: string;
  readonly treatmentId: string;
  /** Real time to cover; give a margin of a day either side of the clinic-local dates. */
  readonly from: Date;
  readonly to: Date;
  /** Only this therapist (their bookings at every clinic, and the clinic's rooms). */
  readonly therapistId?: string;
  /** A booking whose own time is not busy (the one being moved by a reschedule). */
  readonly ignoreBookingId?: string;
  /**
   * Time off that does not count (e.g. one just cancelled that booking's projection may not
   * have applied yet, when the waitlist offers the freed time).
   */
  readonly ignoreTimeOffIds?: readonly string[];
}

export interface AvailabilityClinicRow extends AvailabilityClinic {
  readonly id: string;
  readonly status: string;
}

export interface AvailabilityTreatmentRow extends AvailabilityTreatment {
  readonly selfBookable: boolean;
  /** In the network catalogue and offered by this clinic (no offering row: offered). */
  readonly active: boolean;
}

/** Everything the availability core needs, or undefined parts when the ids are unknown. */
export interface AvailabilityInputs {
  readonly clinic: AvailabilityClinicRow | undefined;
  readonly treatment: AvailabilityTreatmentRow | undefined;
  readonly rooms: readonly AvailabilityRoom[];
  readonly therapists: readonly AvailabilityTherapist[];
  readonly busy: readonly BusyPeriod[];
}

interface InputsRow {
  clinic: {
    id: string;
    timezone: string;
    status: string;
    weeklyHours: AvailabilityClinic['weeklyHours'];
    hoursExceptions: AvailabilityClinic['hoursExceptions'];
  } | null;
  treatment: {
    id: string;
    durationMinutes: number;
    bufferAfterMinutes: number;
    requiredCertifications: string[];
    selfBookable: boolean;
    active: boolean;
  } | null;
  rooms: string[] | null;
  therapists: { id: string; leftOn: string | null }[] | null;
  patterns: { therapistId: string; shifts: AvailabilityShift[] }[] | null;
  timeOff: { therapistId: string; startsAt: number; endsAt: number }[] | null;
  certifications: ({ therapistId: string } & AvailabilityCertification)[] | null;
  busy: { therapistId: string; roomId: string; startsAt: number; endsAt: number }[] | null;
}

/**
 * Loads an availability search's inputs from booking's projections and bookings in ONE
 * round trip (one statement of sub-selects over a CTE of the clinic's therapists).
 *
 * - therapists: assigned to the clinic in the therapist projection and not gone (active, or
 *   left with a leaving date after the range starts: the core stops on that date); on leave
 *   is not bookable;
 * - their working patterns AT THIS CLINIC only; their approved time off and certifications;
 * - busy: every slot-holding booking (held, confirmed, checked in) of those therapists at ANY
 *   clinic and of this clinic's rooms overlapping the range, over [starts_at, blocks_until),
 *   i.e. buffer included. The predicates are those of the exclusion constraints, so
 *   PostgreSQL answers them from the constraints' GiST indexes.
 *
 * Dates are read as text (a `date` parsed by pg would become a local-time Date) and instants
 * as epoch milliseconds.
 */
@Injectable()
export class AvailabilityInputsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside a transaction, or inside `tx` (e.g. a booking's, to see its own locks). */
  async load(request: AvailabilityInputsRequest, tx?: Tx): Promise<AvailabilityInputs> {
    const runner = tx ?? this.dataSource.manager;
    const rows: InputsRow[] = await runner.query(INPUTS_SQL, [
      request.clinicId,
      request.treatmentId,
      request.from.toISOString(),
      request.to.toISOString(),
      request.therapistId ?? null,
      request.ignoreBookingId ?? null,
      request.ignoreTimeOffIds === undefined ? null : [...request.ignoreTimeOffIds],
    ]);
    return toInputs(rows[0]);
  }
}

const INPUTS_SQL = `
WITH th AS (
  SELECT t.id, t.left_on
  FROM therapist_projection t
  WHERE $1::uuid = ANY (t.clinic_ids)
    AND (t.status = 'active' OR (t.status = 'left' AND t.left_on > ($3::timestamptz)::date))
    AND ($5::uuid IS NULL OR t.id = $5::uuid)
),
rooms AS (
  SELECT r.room_id FROM clinic_room_projection r
  WHERE r.clinic_id = $1::uuid AND r.status = 'active'
)
SELECT
  (SELECT json_build_object(
      'id', c.id, 'timezone', c.timezone, 'status', c.status,
      'weeklyHours', c.weekly_hours, 'hoursExceptions', c.hours_exceptions)
   FROM clinic_projection c WHERE c.id = $1::uuid) AS clinic,
  (SELECT json_build_object(
      'id', tr.id, 'durationMinutes', tr.duration_minutes,
      'bufferAfterMinutes', tr.buffer_after_minutes,
      'requiredCertifications', tr.required_certifications,
      'selfBookable', tr.self_bookable,
      'active', tr.active AND coalesce((SELECT o.offered FROM clinic_treatment_offering o
                                        WHERE o.clinic_id = $1::uuid AND o.treatment_id = tr.id), true))
   FROM treatment tr WHERE tr.id = $2::uuid) AS treatment,
  (SELECT json_agg(rooms.room_id ORDER BY rooms.room_id) FROM rooms) AS rooms,
  (SELECT json_agg(json_build_object('id', th.id, 'leftOn', th.left_on::text)) FROM th)
    AS therapists,
  (SELECT json_agg(json_build_object('therapistId', wp.therapist_id, 'shifts', wp.shifts))
   FROM working_pattern_projection wp JOIN th ON th.id = wp.therapist_id
   WHERE wp.clinic_id = $1::uuid) AS patterns,
  (SELECT json_agg(json_build_object(
      'therapistId', o.therapist_id,
      'startsAt', (extract(epoch FROM o.starts_at) * 1000)::bigint,
      'endsAt', (extract(epoch FROM o.ends_at) * 1000)::bigint))
   FROM time_off_projection o JOIN th ON th.id = o.therapist_id
   WHERE o.status = 'approved' AND o.starts_at < $4::timestamptz AND o.ends_at > $3::timestamptz
     AND ($7::uuid[] IS NULL OR NOT (o.id = ANY ($7::uuid[]))))
    AS "timeOff",
  (SELECT json_agg(json_build_object(
      'therapistId', ce.therapist_id, 'type', ce.type, 'issuedOn', ce.issued_on::text,
      'expiresOn', ce.expires_on::text, 'revokedOn', ce.revoked_on::text,
      'verified', ce.verified))
   FROM certification_projection ce JOIN th ON th.id = ce.therapist_id) AS certifications,
  (SELECT json_agg(json_build_object(
      'therapistId', b.therapist_id, 'roomId', b.room_id,
      'startsAt', (extract(epoch FROM b.starts_at) * 1000)::bigint,
      'endsAt', (extract(epoch FROM b.blocks_until) * 1000)::bigint))
   FROM (
     SELECT bt.therapist_id, bt.room_id, bt.starts_at, bt.blocks_until FROM booking bt
     WHERE bt.status IN ('held', 'confirmed', 'checked_in')
       AND ($6::uuid IS NULL OR bt.id <> $6::uuid)
       AND bt.therapist_id IN (SELECT th.id FROM th)
       AND tstzrange(bt.starts_at, bt.blocks_until, '[)')
           && tstzrange($3::timestamptz, $4::timestamptz, '[)')
     UNION
     SELECT br.therapist_id, br.room_id, br.starts_at, br.blocks_until FROM booking br
     WHERE br.status IN ('held', 'confirmed', 'checked_in')
       AND ($6::uuid IS NULL OR br.id <> $6::uuid)
       AND br.room_id IN (SELECT rooms.room_id FROM rooms)
       AND tstzrange(br.starts_at, br.blocks_until, '[)')
           && tstzrange($3::timestamptz, $4::timestamptz, '[)')
   ) b) AS busy
`;

function toInputs(row: InputsRow | undefined): AvailabilityInputs {
  if (row === undefined) {
    return { clinic: undefined, treatment: undefined, rooms: [], therapists: [], busy: [] };
  }
  const shifts = groupBy(row.patterns ?? [], (p) => p.therapistId);
  const timeOff = groupBy(row.timeOff ?? [], (o) => o.therapistId);
  const certifications = groupBy(row.certifications ?? [], (c) => c.therapistId);
  return {
    clinic:
      row.clinic === null
        ? undefined
        : {
            id: row.clinic.id,
            timezone: row.clinic.timezone,
            status: row.clinic.status,
            weeklyHours: row.clinic.weeklyHours,
            hoursExceptions: row.clinic.hoursExceptions,
          },
    treatment: row.treatment ?? undefined,
    rooms: (row.rooms ?? []).map((id) => ({ id, active: true })),
    therapists: (row.therapists ?? []).map((t) => ({
      id: t.id,
      leftOn: t.leftOn,
      shifts: (shifts.get(t.id) ?? []).flatMap((p) =>
        p.shifts.map((s): AvailabilityShift => ({
          weekday: s.weekday,
          start: s.start,
          end: s.end,
          effectiveFrom: s.effectiveFrom,
          effectiveTo: s.effectiveTo,
        })),
      ),
      timeOff: (timeOff.get(t.id) ?? []).map((o): UtcPeriod => ({
        startsAt: new Date(Number(o.startsAt)),
        endsAt: new Date(Number(o.endsAt)),
      })),
      certifications: (certifications.get(t.id) ?? []).map((c): AvailabilityCertification => ({
        type: c.type,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        revokedOn: c.revokedOn,
        verified: c.verified,
      })),
    })),
    busy: (row.busy ?? []).map((b) => ({
      therapistId: b.therapistId,
      roomId: b.roomId,
      startsAt: new Date(Number(b.startsAt)),
      endsAt: new Date(Number(b.endsAt)),
    })),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list === undefined) {
      groups.set(key(item), [item]);
    } else {
      list.push(item);
    }
  }
  return groups;
}

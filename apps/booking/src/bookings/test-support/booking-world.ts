import { randomUUID } from 'node:crypto';
import {
  CertificationRecordedV1,
  CertificationVerifiedV1,
  ClinicOpenedV1,
  EligibilityChangedV1,
  EligibilityStatusValue,
  EventData,
  EventDefinition,
  TherapistAssignedV1,
  TherapistJoinedV1,
  WorkingPatternChangedV1,
} from '@app/contracts';
import type { ServiceTestApp } from '@app/platform/test-support/service-test-app';
import {
  certificationState,
  eventually,
  shift,
  therapistState,
} from '../../projections/test-support/projection-events';

/** The seeded catalogue (migration 1763900000100): fixed ids. */
export const TREATMENTS = {
  /** kind assessment, needs hcpc_registration, no clearance; 60 + 15 min, £65. */
  assessment: '6f1d2c10-0000-4000-8000-000000000001',
  /** needs pnf_level_1 and screening clearance; 30 + 10 min, £35. */
  pnf30: '6f1d2c10-0000-4000-8000-000000000002',
  /** needs pnf_level_1 and screening clearance; 60 + 15 min, £60. */
  pnf60: '6f1d2c10-0000-4000-8000-000000000003',
  /** needs pnf_level_1 and screening clearance; 45 + 10 min, £45 (maintenance sessions). */
  maintenance45: '6f1d2c10-0000-4000-8000-000000000004',
} as const;

type WeeklyHours = EventData<typeof ClinicOpenedV1>['weeklyHours'];
type Range = { start: string; end: string };

const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export function everyDay(range: Range): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, [range]])) as unknown as WeeklyHours;
}

export interface BookingWorld {
  readonly clinicId: string;
  readonly roomIds: readonly string[];
  /** Certified (hcpc_registration, pnf_level_1, verified), working the clinic's hours. */
  readonly therapistIds: readonly string[];
  readonly clients: {
    /** Screening cleared until 2030. */
    readonly cleared: string;
    readonly notSuitable: string;
    readonly gpClearanceRequired: string;
  };
}

/**
 * Seeds a bookable clinic in a booking service test app by publishing what roster and
 * client-record would (clinic.opened in Europe/London with rooms, therapist.joined +
 * therapist.assigned, certification.recorded + .verified, working_pattern.changed,
 * eligibility.changed), then waits until booking's projections hold all of it.
 * Default hours: open around the clock every day (so any future quarter hour is bookable).
 */
export async function seedBookingWorld(
  app: ServiceTestApp,
  options: { therapists?: number; rooms?: number; hours?: Range } = {},
): Promise<BookingWorld> {
  const hours = options.hours ?? { start: '00:00', end: '24:00' };
  const clinicId = randomUUID();
  const roomIds = Array.from({ length: options.rooms ?? 2 }, () => randomUUID());
  const sent: string[] = [];
  const publish = async <D extends EventDefinition>(
    definition: D,
    event: { aggregateId: string; clinicId: string | null; data: EventData<D> },
  ): Promise<void> => {
    sent.push((await app.publish(definition, event)).eventId);
  };

  await publish(ClinicOpenedV1, {
    aggregateId: clinicId,
    clinicId,
    data: {
      clinicId,
      code: `B${clinicId.slice(0, 6).toUpperCase()}`,
      name: 'Leeds Headingley',
      timezone: 'Europe/London',
      status: 'active',
      address: { line1: '1 Otley Road', line2: null, city: 'Leeds', postcode: 'LS6 3AA' },
      weeklyHours: everyDay(hours),
      hoursExceptions: [],
      rooms: roomIds.map((roomId, index) => ({
        roomId,
        name: `Room ${index + 1}`,
        status: 'active' as const,
        addedAt: '2025-01-01T09:00:00.000Z',
        retiredAt: null,
      })),
    },
  });
  await waitFor(app, `SELECT 1 FROM clinic_projection WHERE id = $1`, [clinicId], 1);

  const therapistIds: string[] = [];
  for (let i = 0; i < (options.therapists ?? 3); i++) {
    const joined = therapistState({ clinicIds: [] });
    const therapistId = joined.therapistId;
    therapistIds.push(therapistId);
    await publish(TherapistJoinedV1, { aggregateId: therapistId, clinicId: null, data: joined });
    await publish(TherapistAssignedV1, {
      aggregateId: therapistId,
      clinicId,
      data: { ...joined, clinicIds: [clinicId], clinicId },
    });
    for (const type of ['hcpc_registration', 'pnf_level_1']) {
      const certification = certificationState(therapistId, {
        type,
        issuedOn: '2025-01-01',
        expiresOn: '2031-01-01',
      });
      const key = { aggregateId: therapistId, clinicId: null };
      await publish(CertificationRecordedV1, { ...key, data: certification });
      await publish(CertificationVerifiedV1, {
        ...key,
        data: { ...certification, verified: true },
      });
    }
    await publish(WorkingPatternChangedV1, {
      aggregateId: therapistId,
      clinicId,
      data: {
        therapistId,
        clinicId,
        timezone: 'Europe/London',
        changedFrom: '2025-01-06',
        shifts: WEEKDAYS.map((day) => shift(day, hours.start, hours.end, '2025-01-06')),
      },
    });
  }

  const client = async (status: EligibilityStatusValue): Promise<string> => {
    const clientId = randomUUID();
    await publish(EligibilityChangedV1, {
      aggregateId: clientId,
      clinicId,
      data: {
        clientId,
        clinicIds: [clinicId],
        screeningId: randomUUID(),
        status,
        validUntil: '2030-01-01',
        cause: 'screening',
      },
    });
    return clientId;
  };
  const clients = {
    cleared: await client('cleared'),
    notSuitable: await client('not_suitable'),
    gpClearanceRequired: await client('gp_clearance_required'),
  };

  // Every event processed (inbox), and the projections hold what a booking reads.
  await waitFor(
    app,
    `SELECT 1 FROM inbox WHERE consumer_group = 'booking' AND event_id = ANY($1)`,
    [sent],
    sent.length,
  );
  await waitFor(
    app,
    `SELECT 1 FROM clinic_room_projection WHERE clinic_id = $1 AND status = 'active'`,
    [clinicId],
    roomIds.length,
  );
  await waitFor(
    app,
    `SELECT 1 FROM therapist_projection WHERE id = ANY($1) AND $2 = ANY(clinic_ids)`,
    [therapistIds, clinicId],
    therapistIds.length,
  );
  await waitFor(
    app,
    `SELECT 1 FROM certification_projection WHERE therapist_id = ANY($1) AND verified`,
    [therapistIds],
    therapistIds.length * 2,
  );
  await waitFor(
    app,
    `SELECT 1 FROM working_pattern_projection WHERE therapist_id = ANY($1) AND clinic_id = $2`,
    [therapistIds, clinicId],
    therapistIds.length,
  );
  await waitFor(
    app,
    `SELECT 1 FROM client_eligibility_projection WHERE client_id = ANY($1)`,
    [Object.values(clients)],
    3,
  );
  return { clinicId, roomIds, therapistIds, clients };
}

async function waitFor(
  app: ServiceTestApp,
  sql: string,
  params: unknown[],
  count: number,
): Promise<void> {
  await eventually(async () => {
    const rows = await app.dataSource.query<unknown[]>(sql, params);
    expect(rows).toHaveLength(count);
  }, 60_000);
}

/** The clinic wall clock "YYYY-MM-DDTHH:MM" of an instant in Europe/London. */
export function londonLocal(instant: Date | string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/**
 * A UTC instant on the quarter-hour grid (London is UTC or UTC+1, so also on its wall-clock
 * grid): `days` days from now at `utcHour`:`minute` UTC, or now + `hours` rounded up.
 */
export function daysAhead(days: number, utcHour = 10, minute = 0): Date {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCHours(utcHour, minute, 0, 0);
  return date;
}

export function hoursAhead(hours: number): Date {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil((Date.now() + hours * 3_600_000) / quarter) * quarter);
}

/**
 * A new client with screening clearance (until 2030) at the clinic, published as
 * client-record would (eligibility.changed); returns once booking's projection holds it.
 */
export async function seedClearedClient(app: ServiceTestApp, clinicId: string): Promise<string> {
  const clientId = randomUUID();
  await app.publish(EligibilityChangedV1, {
    aggregateId: clientId,
    clinicId,
    data: {
      clientId,
      clinicIds: [clinicId],
      screeningId: randomUUID(),
      status: 'cleared',
      validUntil: '2030-01-01',
      cause: 'screening',
    },
  });
  await eventually(async () => {
    const rows = await app.dataSource.query<unknown[]>(
      `SELECT 1 FROM client_eligibility_projection WHERE client_id = $1`,
      [clientId],
    );
    expect(rows).toHaveLength(1);
  }, 60_000);
  return clientId;
}

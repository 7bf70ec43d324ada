/**
 * A bookable world built THROUGH THE GATEWAY, as head office and reception would: a clinic
 * open every day 08:00–20:00 (Europe/London), physiotherapists with a verified HCPC
 * registration working every day there, and (optionally) registered clients. Used by the
 * booking end-to-end test (test/booking.e2e-spec.ts) and the gateway bench
 * (bench-booking-gateway.ts). Booking learns all of it from roster's events, so this waits
 * until the `availability` query shows every therapist's slots.
 */
import { randomUUID } from 'node:crypto';
import type { DevTokenRequest } from '@app/auth';

/** The initial assessment: 60 min + 15 min buffer, needs hcpc_registration, no clearance. */
export const INITIAL_ASSESSMENT = '6f1d2c10-0000-4000-8000-000000000001';
export const ASSESSMENT_BLOCK_MINUTES = 75;

export interface GraphqlReply<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

export async function graphql<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlReply<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { ...(JSON.parse(text) as Omit<GraphqlReply<T>, 'status'>), status: response.status };
  } catch {
    return { status: response.status, errors: [{ message: text.slice(0, 200) }] };
  }
}

async function must<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const reply = await graphql<T>(url, token, query, variables);
  if (reply.errors !== undefined || reply.data === undefined || reply.data === null) {
    throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(reply.errors ?? reply.status)}`);
  }
  return reply.data;
}

async function poll<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Letters only (names take no digits), unique per run. */
export function uniqueLetters(length: number): string {
  return randomUUID()
    .replace(/-/g, '')
    .slice(0, length)
    .replace(/\d/g, (digit) => 'qrstuvwxyz'[Number(digit)] ?? 'q');
}

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const EVERY_DAY = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export interface Slot {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly localStart: string;
  readonly therapistId: string;
  readonly roomId: string;
}

export interface BookableWorld {
  readonly clinicId: string;
  readonly therapistIds: readonly string[];
  /** Registered with client-record at the clinic (givenName "Grace"). */
  readonly clientIds: readonly string[];
  readonly receptionToken: string;
  /** Clinic-local dates searched: from..to. */
  readonly from: string;
  readonly to: string;
}

export interface WorldOptions {
  readonly gatewayUrl: string;
  readonly token: (request: DevTokenRequest) => Promise<string>;
  readonly therapists: number;
  readonly rooms: number;
  readonly clients: number;
  /** Days ahead searched (from the day after tomorrow). */
  readonly days: number;
  readonly log?: (line: string) => void;
}

export async function buildBookableWorld(options: WorldOptions): Promise<BookableWorld> {
  const { gatewayUrl: url } = options;
  const log = options.log ?? (() => undefined);
  const headOffice = await options.token({ role: 'head_office_admin' });
  const hours = Object.fromEntries(
    EVERY_DAY.map((day) => [day, [{ start: '08:00', end: '20:00' }]]),
  );
  const opened = await must<{ openClinic: { id: string } }>(
    url,
    headOffice,
    'mutation($input: OpenClinicInput!) { openClinic(input: $input) { id } }',
    {
      input: {
        code: `B${randomUUID().slice(0, 6).toUpperCase()}`,
        name: `Bench ${uniqueLetters(6)}`,
        timezone: 'Europe/London',
        address: { line1: '1 Test Street', city: 'Leeds', postcode: 'LS1 5HD' },
        openingHours: hours,
        rooms: Array.from({ length: options.rooms }, (_, i) => `Room ${i + 1}`),
      },
    },
  );
  const clinicId = opened.openClinic.id;
  await must(
    url,
    headOffice,
    'mutation($input: ChangeClinicStatusInput!) { changeClinicStatus(input: $input) { id } }',
    { input: { clinicId, status: 'active' } },
  );
  log(`[world] clinic ${clinicId} open and active`);

  const therapistIds: string[] = [];
  for (let i = 0; i < options.therapists; i += 1) {
    const added = await must<{ addTherapist: { id: string } }>(
      url,
      headOffice,
      'mutation($input: AddTherapistInput!) { addTherapist(input: $input) { id } }',
      {
        input: {
          givenName: 'Amira',
          familyName: `Khan${uniqueLetters(6)}`,
          email: `amira.${randomUUID().slice(0, 8)}@example.co.uk`,
          profession: 'physiotherapist',
          hcpcNumber: `PH${String(Math.floor(100000 + Math.random() * 899999))}`,
          specialties: ['lower_back_pain'],
          clinicIds: [clinicId],
        },
      },
    );
    const therapistId = added.addTherapist.id;
    const recorded = await must<{ recordCertification: { id: string } }>(
      url,
      headOffice,
      'mutation($input: RecordCertificationInput!) { recordCertification(input: $input) { id } }',
      {
        input: {
          therapistId,
          type: 'hcpc_registration',
          issuedOn: isoDay(-300),
          expiresOn: isoDay(400),
          evidenceReference: `BENCH-HCPC-${i}`,
        },
      },
    );
    await must(url, headOffice, 'mutation($id: ID!) { verifyCertification(id: $id) { id } }', {
      id: recorded.recordCertification.id,
    });
    await must(
      url,
      headOffice,
      'mutation($input: SetWorkingPatternInput!) { setWorkingPattern(input: $input) { therapistId } }',
      {
        input: {
          therapistId,
          clinicId,
          effectiveFrom: isoDay(0),
          shifts: EVERY_DAY.map((weekday) => ({ weekday, start: '08:00', end: '20:00' })),
        },
      },
    );
    therapistIds.push(therapistId);
  }
  log(`[world] ${therapistIds.length} therapists certified and rostered`);

  const receptionToken = await options.token({
    role: 'receptionist',
    clinicIds: [clinicId],
    subject: `world-reception-${randomUUID()}`,
  });
  const clientIds: string[] = [];
  for (let i = 0; i < options.clients; i += 1) {
    const input = {
      clinicId,
      givenName: 'Grace',
      familyName: `Adeyemi${uniqueLetters(8)}`,
      dateOfBirth: '1968-04-12',
      email: `grace.${uniqueLetters(10)}@example.co.uk`,
      phone: '07700 900456',
    };
    // client-record learns the clinic from roster's clinic.opened: until then CLINIC_NOT_FOUND.
    const id = await poll(async () => {
      const reply = await graphql<{ registerClient: { id: string } }>(
        url,
        receptionToken,
        'mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }',
        { input },
      );
      if (reply.errors?.some((e) => e.extensions?.code === 'CLINIC_NOT_FOUND')) {
        return undefined;
      }
      if (reply.errors !== undefined || !reply.data) {
        throw new Error(`registerClient: ${JSON.stringify(reply.errors)}`);
      }
      return reply.data.registerClient.id;
    }, 'client-record to know the clinic');
    clientIds.push(id);
  }

  const from = isoDay(2);
  const to = isoDay(1 + options.days);
  for (const therapistId of therapistIds) {
    await poll(async () => {
      const slots = await availability(url, receptionToken, clinicId, from, to, therapistId);
      return slots.length > 0 ? slots : undefined;
    }, `booking to offer slots of therapist ${therapistId}`);
  }
  log(`[world] booking offers every therapist's slots ${from}..${to}`);
  return { clinicId, therapistIds, clientIds, receptionToken, from, to };
}

/** The `availability` query through the gateway (initial assessment); [] on an error. */
export async function availability(
  url: string,
  token: string,
  clinicId: string,
  from: string,
  to: string,
  therapistId: string,
): Promise<Slot[]> {
  const reply = await graphql<{ availability: Slot[] }>(
    url,
    token,
    `
      query ($clinicId: ID!, $treatmentId: ID!, $from: String!, $to: String!, $therapistId: ID) {
        availability(
          clinicId: $clinicId
          treatmentId: $treatmentId
          from: $from
          to: $to
          therapistId: $therapistId
        ) {
          startsAt
          endsAt
          localStart
          therapistId
          roomId
        }
      }
    `,
    { clinicId, treatmentId: INITIAL_ASSESSMENT, from, to, therapistId },
  );
  return reply.data?.availability ?? [];
}

export const HOLD_BOOKING = `mutation($input: HoldBookingInput!) {
  holdBooking(input: $input) { id therapistId roomId startsAt endsAt status }
}`;

export interface HeldBooking {
  readonly id: string;
  readonly therapistId: string;
  readonly roomId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: string;
}

/** holdBooking through the gateway for `clientId` (a new idempotency key per call). */
export function holdBooking(
  url: string,
  token: string,
  world: Pick<BookableWorld, 'clinicId'>,
  therapistId: string,
  startsAt: string,
  clientId: string,
): Promise<GraphqlReply<{ holdBooking: HeldBooking }>> {
  return graphql<{ holdBooking: HeldBooking }>(url, token, HOLD_BOOKING, {
    input: {
      clinicId: world.clinicId,
      treatmentId: INITIAL_ASSESSMENT,
      therapistId,
      startsAt,
      clientId,
      idempotencyKey: randomUUID(),
    },
  });
}

/** What a batch of holdBooking replies came to. */
export interface RaceOutcome {
  readonly successes: HeldBooking[];
  /** HTTP 200 answers whose one error is SLOT_UNAVAILABLE. */
  readonly slotUnavailable: number;
  /** Of those, the ones whose `extensions.alternatives` is missing or empty. */
  readonly slotUnavailableWithoutAlternatives: number;
  /** Anything else: other codes, HTTP errors (even with SLOT_UNAVAILABLE), no data. */
  readonly other: { status: number; codes: (string | undefined)[]; message?: string }[];
}

export function tally(replies: readonly GraphqlReply<{ holdBooking: HeldBooking }>[]): RaceOutcome {
  const successes: HeldBooking[] = [];
  let slotUnavailable = 0;
  let slotUnavailableWithoutAlternatives = 0;
  const other: RaceOutcome['other'] = [];
  for (const reply of replies) {
    const codes = (reply.errors ?? []).map((e) => e.extensions?.code);
    if (reply.status !== 200) {
      other.push({ status: reply.status, codes, message: reply.errors?.[0]?.message });
    } else if (reply.errors === undefined && reply.data?.holdBooking) {
      successes.push(reply.data.holdBooking);
    } else if (codes.length === 1 && codes[0] === 'SLOT_UNAVAILABLE') {
      slotUnavailable += 1;
      const alternatives = reply.errors?.[0]?.extensions?.alternatives;
      if (!Array.isArray(alternatives) || alternatives.length === 0) {
        slotUnavailableWithoutAlternatives += 1;
      }
    } else {
      other.push({ status: reply.status, codes, message: reply.errors?.[0]?.message });
    }
  }
  return { successes, slotUnavailable, slotUnavailableWithoutAlternatives, other };
}

/** Pairs of bookings of one therapist or room whose blocked time (treatment + buffer) overlaps. */
export function overlappingPairs(
  bookings: readonly Pick<HeldBooking, 'id' | 'therapistId' | 'roomId' | 'startsAt'>[],
  blockMinutes: number,
): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < bookings.length; i += 1) {
    for (let j = i + 1; j < bookings.length; j += 1) {
      const a = bookings[i];
      const b = bookings[j];
      if (a === undefined || b === undefined) {
        continue;
      }
      const sameResource = a.therapistId === b.therapistId || a.roomId === b.roomId;
      const gap = Math.abs(Date.parse(a.startsAt) - Date.parse(b.startsAt));
      if (sameResource && gap < blockMinutes * 60_000) {
        pairs.push([a.id, b.id]);
      }
    }
  }
  return pairs;
}

/**
 * The booking demo data `npm start` seeds after the demo clients: the next four weeks of
 * each demo clinic's diary, booked through the gateway the way the clinic's reception would.
 *
 * For every wanted appointment the seed asks `availability` for that treatment on that
 * clinic-local date and books one of the slots it offers (the client's own therapist at
 * the usual time when free, else the nearest slot): it never books what availability does
 * not offer. The clinic's receptionist (a token minted with the development key) holds and
 * confirms. Statuses are mixed as in a real diary:
 *
 * - the course clients carry on twice a week with their therapist (confirmed); Liam's
 *   course is one series from his care plan (`bookSeries`, Tuesdays and Thursdays);
 * - the clients waiting for GP clearance, and the client found not suitable, get an
 *   initial assessment only (treatments needing clearance are booked for cleared clients
 *   only); Samuel gets a review assessment after his injury, then gentle sessions;
 * - one late booking per clinic with clients booked one by one is left held (the hold
 *   expires after 10 minutes; Manchester's course client is booked as a series, so none);
 * - two bookings per clinic (weeks three and four; a series session where the clinic has
 *   nothing else) are cancelled by reception more than 24 h ahead (no fee) and rebooked,
 *   and the soonest appointment within 24 h is cancelled late by the client themself (a
 *   client token: the late fee applies), then rebooked;
 * - two clients join the waitlist for a named therapist;
 * - the soonest confirmed booking is checked in when it starts later today (the API allows
 *   a check-in before the start: the state machine only needs `confirmed`).
 *
 * Idempotent: a clinic whose diary for the next four weeks already has a booking of a demo
 * client is left alone, and every idempotency key is derived from the clinic, the client,
 * the first day of the window and the booking's index, so a retry the same day replays.
 */
import { createHash } from 'node:crypto';
import { signDevToken } from '@app/auth';
import {
  addDays,
  DEMO_CLIENTS,
  DEMO_TREATMENTS,
  DemoClient,
  demoClientEmail,
  wallClock,
  Weekday,
} from './demo-clients';
import { DEMO_CLINICS, demoEmail } from './demo-network';
import { GraphqlCall, graphqlCaller, GraphqlRequestError, retryWhile } from './graphql-client';

type TreatmentCode = keyof typeof DEMO_TREATMENTS;

const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** Days in the seeded window: today and the next 28 (four weeks), clinic-local. */
export const DEMO_BOOKING_DAYS = 29;

/** One appointment the clinic wants in its diary. */
export interface WantedBooking {
  readonly clinic: string;
  /** The demo client's email (the key clients are matched by). */
  readonly client: string;
  readonly treatment: TreatmentCode;
  /** Clinic-local date YYYY-MM-DD. */
  readonly date: string;
  /** Preferred clinic wall-clock start HH:MM. */
  readonly time: string;
  /** Preferred therapist's email; the nearest other slot is taken when they are not free. */
  readonly therapist?: string;
  /** What happens after the hold. */
  readonly outcome: 'confirm' | 'leave_held' | 'cancel_by_clinic';
}

/** The weekday of an ISO date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
}

/** The clinic-local dates of the window starting `today`, the given weekdays only. */
export function datesOn(today: string, weekdays: readonly Weekday[], from = 0): string[] {
  const dates: string[] = [];
  for (let day = from; day < DEMO_BOOKING_DAYS; day += 1) {
    const date = addDays(today, day);
    if (weekdays.includes(weekdayOf(date))) {
      dates.push(date);
    }
  }
  return dates;
}

/** The first date on or after day `from` of the window that falls on one of `weekdays`. */
function firstOn(today: string, weekdays: readonly Weekday[], from: number): string {
  return datesOn(today, weekdays, from)[0] ?? addDays(today, from);
}

/** The series client: his care plan's course is booked with bookSeries, not one by one. */
export const SERIES_CLIENT = { givenName: 'Liam', familyName: "O'Connor" };

/**
 * The appointments each clinic wants over the window starting `today` (clinic-local),
 * apart from the series. Pure: the same day gives the same plan.
 */
export function wantedBookings(
  today: string,
  clients: readonly DemoClient[] = DEMO_CLIENTS,
): WantedBooking[] {
  const wanted: WantedBooking[] = [];
  for (const client of clients) {
    const email = demoClientEmail(client);
    const course = client.course;
    if (client.givenName === SERIES_CLIENT.givenName) {
      continue;
    }
    if (course === undefined) {
      // Waiting for GP clearance or not suitable: an initial assessment only, this week.
      const offset = 1 + (clients.indexOf(client) % 3);
      wanted.push({
        clinic: client.clinic,
        client: email,
        treatment: 'INITIAL_ASSESSMENT',
        date: firstOn(today, ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], offset),
        time: ['10:00', '13:00', '15:00'][clients.indexOf(client) % 3],
        outcome: 'confirm',
      });
      continue;
    }
    const therapist = demoEmail(course.therapist);
    if (course.adverseEvents?.some((event) => event.severity === 'severe') === true) {
      // Injured in a session: a review assessment first, then weekly gentle sessions.
      wanted.push({
        clinic: client.clinic,
        client: email,
        treatment: 'INITIAL_ASSESSMENT',
        date: firstOn(today, course.weekdays, 2),
        time: '12:00',
        outcome: 'confirm',
      });
      for (const date of datesOn(today, [course.weekdays[course.weekdays.length - 1]], 14)) {
        wanted.push({
          clinic: client.clinic,
          client: email,
          treatment: 'PNF_STRETCH_30',
          date,
          time: course.time,
          therapist,
          outcome: 'confirm',
        });
      }
      continue;
    }
    for (const date of datesOn(today, course.weekdays)) {
      wanted.push({
        clinic: client.clinic,
        client: email,
        treatment: course.treatment,
        date,
        time: course.time,
        therapist,
        outcome: 'confirm',
      });
    }
  }
  wanted.sort((a, b) => `${a.date}T${a.time}`.localeCompare(`${b.date}T${b.time}`));
  return markOutcomes(today, wanted);
}

/**
 * Per clinic, among the clients booked one by one (not a care-plan series): the last
 * appointment of the window is left held (the client has not confirmed), and one in the third week and one in the fourth are cancelled by reception
 * (the client phoned).
 */
function markOutcomes(today: string, wanted: WantedBooking[]): WantedBooking[] {
  const result = [...wanted];
  const thirdWeek = addDays(today, 14);
  for (const code of new Set(wanted.map((w) => w.clinic))) {
    const indexes = result.flatMap((w, i) => (w.clinic === code ? [i] : []));
    const treatments = indexes.filter((i) => result[i].treatment !== 'INITIAL_ASSESSMENT');
    const last = treatments[treatments.length - 1];
    if (last !== undefined) {
      result[last] = { ...result[last], outcome: 'leave_held' };
    }
    const cancel = treatments.find((i) => result[i].date >= thirdWeek && i !== last);
    const another = treatments.find(
      (i) => result[i].date >= addDays(thirdWeek, 7) && i !== last && i !== cancel,
    );
    for (const i of [cancel, another]) {
      if (i !== undefined) {
        result[i] = { ...result[i], outcome: 'cancel_by_clinic' };
      }
    }
  }
  return result;
}

/** A slot `availability` offered. */
export interface OfferedSlot {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly localStart: string;
  readonly therapistId: string;
  readonly roomId: string;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * The slot to book for `want` among the offered ones: the preferred therapist first, then
 * the start nearest the preferred time, skipping slots that overlap the client's own
 * appointments. Undefined when nothing fits.
 */
export function pickSlot(
  slots: readonly OfferedSlot[],
  want: { readonly time: string; readonly therapistId?: string },
  clientBusy: readonly { startsAt: string; endsAt: string }[] = [],
): OfferedSlot | undefined {
  const free = slots.filter(
    (slot) =>
      !clientBusy.some(
        (busy) =>
          Date.parse(slot.startsAt) < Date.parse(busy.endsAt) &&
          Date.parse(busy.startsAt) < Date.parse(slot.endsAt),
      ),
  );
  const score = (slot: OfferedSlot): [number, number, string] => [
    want.therapistId !== undefined && slot.therapistId === want.therapistId ? 0 : 1,
    Math.abs(minutesOf(slot.localStart.slice(11, 16)) - minutesOf(want.time)),
    `${slot.localStart}${slot.therapistId}`,
  ];
  return [...free].sort((a, b) => {
    const [a0, a1, a2] = score(a);
    const [b0, b1, b2] = score(b);
    return a0 - b0 || a1 - b1 || a2.localeCompare(b2);
  })[0];
}

/** A deterministic idempotency key: same clinic, client, window and index, same key. */
export function demoBookingKey(
  clinic: string,
  client: string,
  windowStart: string,
  index: number,
  step: string,
): string {
  const digest = createHash('sha256')
    .update(`${clinic}|${client}|${windowStart}|${index}|${step}`)
    .digest('hex')
    .slice(0, 32);
  return `demo-seed-${step}-${digest}`;
}

/** Is this booking a late cancellation if cancelled at `now` (under 24 h before the start)? */
export function startsWithin24h(startsAt: string, now: Date): boolean {
  const ms = Date.parse(startsAt) - now.getTime();
  return ms > 0 && ms < 24 * 3_600_000;
}

// ---------------------------------------------------------------------------------------
// Seeding through the gateway

export interface DemoBookingSeedOptions {
  readonly gatewayUrl: string;
  readonly headOfficeToken: string;
  /** The development private key, to mint the receptionists' and clients' tokens. */
  readonly privateKeyPem: string;
  readonly log: (line: string) => void;
  readonly today?: Date;
  /** How long booking may take to learn clinics, schedules and clients from Kafka. */
  readonly waitTimeoutMs?: number;
}

/** Booking errors that mean "this slot or date did not work out": skip it, go on. */
const SKIPPABLE = [
  'SLOT_UNAVAILABLE',
  'SLOT_NOT_BOOKABLE',
  'START_IN_PAST',
  'CLIENT_NOT_ELIGIBLE',
  'THERAPIST_NOT_CERTIFIED',
];

const BOOKING_FIELDS = 'id clientId therapistId startsAt endsAt localStart status';

interface BookedSlot {
  id: string;
  clientId: string;
  therapistId: string;
  startsAt: string;
  endsAt: string;
  localStart: string;
  status: string;
}

interface ClinicContext {
  readonly code: string;
  readonly id: string;
  readonly timezone: string;
  readonly today: string;
  readonly reception: GraphqlCall;
  readonly clients: Map<string, { id: string; eligibility: string }>;
  readonly therapists: Map<string, string>;
  readonly deadline: number;
}

interface ClinicTally {
  confirmed: number;
  held: number;
  cancelled: number;
  late: number;
  rebooked: number;
  series: number;
  waitlist: number;
  checkedIn: number;
  skipped: number;
}

/** Seeds the demo bookings; see the top of this file. One `[seed] bookings` line per stage. */
export async function seedDemoBookings(options: DemoBookingSeedOptions): Promise<void> {
  const now = options.today ?? new Date();
  const log = options.log;
  const headOffice = graphqlCaller(options.gatewayUrl, options.headOfficeToken);
  const deadline = Date.now() + (options.waitTimeoutMs ?? 90_000);

  const clinics = await headOffice<{ clinics: { id: string; code: string; timezone: string }[] }>(
    '{ clinics { id code timezone } }',
  );
  const therapists = await headOffice<{
    therapists: { edges: { node: { id: string; email: string | null } }[] };
  }>('{ therapists(first: 100) { edges { node { id email } } } }');
  const therapistIds = new Map(
    therapists.therapists.edges.flatMap(({ node }) =>
      node.email === null ? [] : [[node.email, node.id] as const],
    ),
  );
  const clients = new Map<string, { id: string; eligibility: string; clinic: string }>();
  for (const demo of DEMO_CLIENTS) {
    const email = demoClientEmail(demo);
    const found = await headOffice<{
      clients: { edges: { node: { id: string; email: string | null } }[] };
    }>(
      'query Find($text: String!) { clients(search: { text: $text }, first: 5) { edges { node { id email } } } }',
      { text: email },
    );
    const id = found.clients.edges.find(({ node }) => node.email === email)?.node.id;
    if (id === undefined) {
      continue;
    }
    const eligibility = await headOffice<{ eligibility: { status: string } }>(
      'query Eligibility($id: ID!) { eligibility(clientId: $id) { status } }',
      { id },
    );
    clients.set(email, { id, eligibility: eligibility.eligibility.status, clinic: demo.clinic });
  }
  const demoClientIds = new Set([...clients.values()].map((c) => c.id));
  log(
    `[seed] bookings: ${clients.size} demo clients and ${therapistIds.size} therapists found; booking the next four weeks through the gateway as each clinic's reception`,
  );

  const totals: string[] = [];
  for (const demo of DEMO_CLINICS) {
    const clinic = clinics.clinics.find((c) => c.code === demo.code);
    if (clinic === undefined) {
      continue;
    }
    const diary = await headOffice<{ clinicDiary: { clientId: string }[] }>(
      'query Diary($c: ID!, $from: DateTime!, $to: DateTime!) { clinicDiary(clinicId: $c, from: $from, to: $to) { clientId } }',
      {
        c: clinic.id,
        from: now.toISOString(),
        to: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      },
    );
    const present = diary.clinicDiary.filter((b) => demoClientIds.has(b.clientId)).length;
    if (present > 0) {
      log(
        `[seed] bookings ${demo.code}: ${present} demo bookings already in the next four weeks' diary; nothing added`,
      );
      continue;
    }
    const reception = graphqlCaller(
      options.gatewayUrl,
      await signDevToken(
        { role: 'receptionist', subject: `demo-reception-${demo.code}`, clinicIds: [clinic.id] },
        options.privateKeyPem,
      ),
    );
    const context: ClinicContext = {
      code: demo.code,
      id: clinic.id,
      timezone: clinic.timezone,
      today: wallClock(now, clinic.timezone).slice(0, 10),
      reception,
      clients: new Map([...clients].filter(([, c]) => c.clinic === demo.code)),
      therapists: therapistIds,
      deadline,
    };
    const tally = await seedClinic(context, headOffice, options, now, log);
    totals.push(`${demo.code} ${tally.confirmed + tally.held + tally.cancelled + tally.checkedIn}`);
  }
  if (totals.length > 0) {
    log(`[seed] bookings: done (${totals.join(', ')} bookings made in the next four weeks)`);
  }
}

async function seedClinic(
  context: ClinicContext,
  headOffice: GraphqlCall,
  options: DemoBookingSeedOptions,
  now: Date,
  log: (line: string) => void,
): Promise<ClinicTally> {
  const tally: ClinicTally = {
    confirmed: 0,
    held: 0,
    cancelled: 0,
    late: 0,
    rebooked: 0,
    series: 0,
    waitlist: 0,
    checkedIn: 0,
    skipped: 0,
  };
  await waitForSchedules(context);
  const booked: (BookedSlot & { client: string; treatment: TreatmentCode })[] = [];

  // The series first: the care plan's twice-weekly course at the usual time.
  const seriesEmail = demoClientEmail(SERIES_CLIENT);
  const seriesDemo = DEMO_CLIENTS.find((c) => demoClientEmail(c) === seriesEmail);
  const seriesClient = context.clients.get(seriesEmail);
  if (seriesDemo?.course !== undefined && seriesClient?.eligibility === 'cleared') {
    const course = seriesDemo.course;
    const plans = await headOffice<{ carePlans: { id: string; current: { status: string } }[] }>(
      'query Plans($id: ID!) { carePlans(clientId: $id) { id current { status } } }',
      { id: seriesClient.id },
    );
    const plan = plans.carePlans.find((p) => p.current.status === 'active');
    if (plan !== undefined) {
      try {
        const series = await retryWhile(
          ['CARE_PLAN_NOT_FOUND', 'CLIENT_NOT_ELIGIBLE'],
          () =>
            context.reception<{ bookSeries: { bookings: BookedSlot[] } }>(
              `mutation Series($input: BookSeriesInput!) { bookSeries(input: $input) { bookings { ${BOOKING_FIELDS} } } }`,
              {
                input: {
                  clientId: seriesClient.id,
                  clinicId: context.id,
                  treatmentId: DEMO_TREATMENTS[course.treatment].id,
                  therapistId: context.therapists.get(demoEmail(course.therapist)),
                  carePlanId: plan.id,
                  preferredWeekdays: course.weekdays,
                  preferredTime: course.time,
                  startsOn: addDays(context.today, 1),
                  idempotencyKey: demoBookingKey(
                    context.code,
                    seriesEmail,
                    context.today,
                    0,
                    'series',
                  ),
                },
              },
            ),
          { deadline: context.deadline, pauseMs: 500 },
        );
        for (const b of series.bookSeries.bookings) {
          booked.push({ ...b, client: seriesEmail, treatment: course.treatment });
        }
        tally.series = series.bookSeries.bookings.length;
        tally.confirmed += tally.series;
      } catch (error) {
        if (!(error instanceof GraphqlRequestError) || error.code !== 'SERIES_DATES_UNAVAILABLE') {
          throw error;
        }
        log(`[seed] bookings ${context.code}: series not placed (${error.message})`);
      }
    }
  }

  // One by one, from what availability offers on each date.
  const wanted = wantedBookings(context.today).filter((w) => w.clinic === context.code);
  for (const [index, want] of wanted.entries()) {
    const client = context.clients.get(want.client);
    if (client === undefined || !eligibleFor(client.eligibility, want.treatment)) {
      tally.skipped += 1;
      continue;
    }
    const made = await holdOnDate(context, want, client.id, index, booked, 'hold');
    if (made === undefined) {
      tally.skipped += 1;
      continue;
    }
    const entry = { ...made, client: want.client, treatment: want.treatment };
    booked.push(entry);
    if (want.outcome === 'leave_held') {
      tally.held += 1;
      continue;
    }
    await context.reception(
      `mutation Confirm($id: ID!, $key: String!) { confirmBooking(id: $id, idempotencyKey: $key) { id } }`,
      {
        id: made.id,
        key: demoBookingKey(context.code, want.client, context.today, index, 'confirm'),
      },
    );
    entry.status = 'confirmed';
    if (want.outcome === 'confirm') {
      tally.confirmed += 1;
      continue;
    }
    // The client phoned more than 24 h ahead: reception cancels (no fee) and rebooks.
    await context.reception(
      `mutation Cancel($id: ID!, $key: String!) { cancelBooking(id: $id, idempotencyKey: $key, reason: client_request) { id } }`,
      {
        id: made.id,
        key: demoBookingKey(context.code, want.client, context.today, index, 'cancel'),
      },
    );
    entry.status = 'cancelled';
    tally.cancelled += 1;
    if (await rebook(context, want, client.id, index, booked)) {
      tally.rebooked += 1;
      tally.confirmed += 1;
    }
  }
  // A clinic whose diary is all series: reception cancels one session in week three.
  const seriesSession = booked.find(
    (b) => b.status === 'confirmed' && b.localStart.slice(0, 10) >= addDays(context.today, 14),
  );
  if (tally.cancelled === 0 && seriesSession !== undefined) {
    await context.reception(
      `mutation Cancel($id: ID!, $key: String!) { cancelBooking(id: $id, idempotencyKey: $key, reason: client_request) { id } }`,
      {
        id: seriesSession.id,
        key: demoBookingKey(context.code, seriesSession.client, context.today, 0, 'cancel-series'),
      },
    );
    seriesSession.status = 'cancelled';
    tally.cancelled += 1;
    tally.confirmed -= 1;
    const again = await rebook(
      context,
      {
        clinic: context.code,
        client: seriesSession.client,
        treatment: seriesSession.treatment,
        date: seriesSession.localStart.slice(0, 10),
        time: seriesSession.localStart.slice(11, 16),
        outcome: 'confirm',
      },
      seriesSession.clientId,
      2000,
      booked,
    );
    tally.rebooked += again ? 1 : 0;
    tally.confirmed += again ? 1 : 0;
  }
  log(
    `[seed] bookings ${context.code}: ${tally.confirmed} confirmed (${tally.series} in a care-plan series), ${tally.held} left held, ${tally.cancelled} cancelled by reception and ${tally.rebooked} rebooked${tally.skipped > 0 ? `, ${tally.skipped} wanted with no slot offered` : ''}`,
  );

  // The soonest confirmed appointment within 24 h: the client cancels it (late), and rebooks.
  const soonest = booked
    .filter((b) => b.status === 'confirmed' && startsWithin24h(b.startsAt, now))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (soonest !== undefined) {
    const asClient = graphqlCaller(
      options.gatewayUrl,
      await signDevToken(
        { role: 'client', subject: `demo-client-${soonest.clientId}`, clientId: soonest.clientId },
        options.privateKeyPem,
      ),
    );
    const cancelled = await asClient<{ cancelBooking: { lateCancellation: boolean | null } }>(
      `mutation Cancel($id: ID!, $key: String!) { cancelBooking(id: $id, idempotencyKey: $key, reason: illness) { lateCancellation } }`,
      {
        id: soonest.id,
        key: demoBookingKey(context.code, soonest.client, context.today, 0, 'late'),
      },
    );
    soonest.status = 'cancelled';
    tally.cancelled += 1;
    tally.confirmed -= 1;
    tally.late += cancelled.cancelBooking.lateCancellation === true ? 1 : 0;
    const again = await rebook(
      context,
      {
        clinic: context.code,
        client: soonest.client,
        treatment: soonest.treatment,
        date: soonest.localStart.slice(0, 10),
        time: soonest.localStart.slice(11, 16),
        outcome: 'confirm',
      },
      soonest.clientId,
      1000,
      booked,
    );
    tally.confirmed += again ? 1 : 0;
    log(
      `[seed] bookings ${context.code}: ${cancelled.cancelBooking.lateCancellation === true ? 'late ' : ''}cancellation by the client of ${soonest.localStart}${again ? ', rebooked within three days' : ''}`,
    );
  }

  // Waitlist: a cleared client wanting an extra session with a named therapist.
  const waiting = waitlistWanted(context);
  for (const entry of waiting) {
    try {
      await retryWhile(
        ['CLIENT_NOT_ELIGIBLE'],
        () =>
          context.reception(
            'mutation Join($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id } }',
            { input: entry },
          ),
        { deadline: context.deadline, pauseMs: 500 },
      );
      tally.waitlist += 1;
    } catch (error) {
      if (!(error instanceof GraphqlRequestError) || error.code !== 'ALREADY_ON_WAITLIST') {
        throw error;
      }
    }
  }

  // Check-in: confirmed appointments starting later today (clinic-local).
  for (const b of [...booked].sort((x, y) => x.startsAt.localeCompare(y.startsAt))) {
    if (
      tally.checkedIn === 0 &&
      b.status === 'confirmed' &&
      b.localStart.slice(0, 10) === context.today
    ) {
      await context.reception('mutation In($id: ID!) { checkInBooking(id: $id) { id } }', {
        id: b.id,
      });
      b.status = 'checked_in';
      tally.checkedIn += 1;
      tally.confirmed -= 1;
    }
  }
  log(
    `[seed] bookings ${context.code}: ${tally.waitlist} waitlist entries joined, ${tally.checkedIn} checked in (the soonest appointment, when it is later today)`,
  );
  return tally;
}

function eligibleFor(eligibility: string, treatment: TreatmentCode): boolean {
  return treatment === 'INITIAL_ASSESSMENT' || eligibility === 'cleared';
}

/** The waitlist entries a clinic's cleared clients join (LDS-01 and BRS-01). */
function waitlistWanted(context: ClinicContext): Record<string, unknown>[] {
  const entries: { clinic: string; client: string; therapist: string; treatment: TreatmentCode }[] =
    [
      {
        clinic: 'LDS-01',
        client: 'david.thompson@example.com',
        therapist: demoEmail({ givenName: 'Amira', familyName: 'Khan' }),
        treatment: 'PNF_STRETCH_30',
      },
      {
        clinic: 'BRS-01',
        client: 'rebecca.walsh@example.com',
        therapist: demoEmail({ givenName: 'Oliver', familyName: 'Grant' }),
        treatment: 'PNF_STRETCH_60',
      },
    ];
  return entries.flatMap((entry) => {
    const client = context.clients.get(entry.client);
    const therapistId = context.therapists.get(entry.therapist);
    if (entry.clinic !== context.code || client?.eligibility !== 'cleared' || !therapistId) {
      return [];
    }
    // Days 2–12: clear of the clinic's cancellations (from day 14), the late one (within
    // 24 h) and the held slots (the last week), so no offer is made while seeding.
    return [
      {
        clientId: client.id,
        clinicId: context.id,
        treatmentId: DEMO_TREATMENTS[entry.treatment].id,
        fromDate: addDays(context.today, 2),
        toDate: addDays(context.today, 12),
        therapistId,
      },
    ];
  });
}

/** Waits until booking has learned the clinic's working patterns (availability offers slots). */
async function waitForSchedules(context: ClinicContext): Promise<void> {
  for (;;) {
    const slots = await context.reception<{ availability: unknown[] }>(
      'query Slots($c: ID!, $t: ID!, $from: String!, $to: String!) { availability(clinicId: $c, treatmentId: $t, from: $from, to: $to) { startsAt } }',
      {
        c: context.id,
        t: DEMO_TREATMENTS.PNF_STRETCH_30.id,
        from: addDays(context.today, 1),
        to: addDays(context.today, DEMO_BOOKING_DAYS - 1),
      },
    );
    if (slots.availability.length > 0) {
      return;
    }
    if (Date.now() > context.deadline) {
      throw new Error(
        `[seed] booking offers no slots at ${context.code}; is booking consuming roster.events.v1?`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Holds the best offered slot on `want.date`, or undefined when none fits. */
async function holdOnDate(
  context: ClinicContext,
  want: WantedBooking,
  clientId: string,
  index: number,
  booked: readonly (BookedSlot & { client: string })[],
  step: string,
): Promise<BookedSlot | undefined> {
  const offered = await context.reception<{ availability: OfferedSlot[] }>(
    'query Slots($c: ID!, $t: ID!, $d: String!) { availability(clinicId: $c, treatmentId: $t, from: $d, to: $d) { startsAt endsAt localStart therapistId roomId } }',
    { c: context.id, t: DEMO_TREATMENTS[want.treatment].id, d: want.date },
  );
  const busy = booked.filter(
    (b) => b.clientId === clientId && ['held', 'confirmed', 'checked_in'].includes(b.status),
  );
  const slot = pickSlot(
    offered.availability,
    {
      time: want.time,
      therapistId:
        want.therapist === undefined ? undefined : context.therapists.get(want.therapist),
    },
    busy,
  );
  if (slot === undefined) {
    return undefined;
  }
  try {
    const held = await retryWhile(
      ['CLIENT_NOT_ELIGIBLE'],
      () =>
        context.reception<{ holdBooking: BookedSlot }>(
          `mutation Hold($input: HoldBookingInput!) { holdBooking(input: $input) { ${BOOKING_FIELDS} } }`,
          {
            input: {
              clinicId: context.id,
              treatmentId: DEMO_TREATMENTS[want.treatment].id,
              therapistId: slot.therapistId,
              startsAt: slot.startsAt,
              clientId,
              idempotencyKey: demoBookingKey(context.code, want.client, context.today, index, step),
            },
          },
        ),
      { deadline: context.deadline, pauseMs: 500 },
    );
    return { ...held.holdBooking };
  } catch (error) {
    if (error instanceof GraphqlRequestError && SKIPPABLE.includes(error.code ?? '')) {
      return undefined;
    }
    throw error;
  }
}

/** Rebooks a cancelled appointment on the next day that offers a slot (up to 3 days on). */
async function rebook(
  context: ClinicContext,
  want: WantedBooking,
  clientId: string,
  index: number,
  booked: (BookedSlot & { client: string; treatment: TreatmentCode })[],
): Promise<boolean> {
  const last = addDays(context.today, DEMO_BOOKING_DAYS - 1);
  for (let shift = 1; shift <= 3; shift += 1) {
    const date = addDays(want.date, shift);
    if (date > last) {
      break;
    }
    const made = await holdOnDate(
      context,
      { ...want, date },
      clientId,
      index,
      booked,
      `rebook${shift}`,
    );
    if (made === undefined) {
      continue;
    }
    await context.reception(
      `mutation Confirm($id: ID!, $key: String!) { confirmBooking(id: $id, idempotencyKey: $key) { id } }`,
      {
        id: made.id,
        key: demoBookingKey(context.code, want.client, context.today, index, `reconfirm${shift}`),
      },
    );
    booked.push({ ...made, status: 'confirmed', client: want.client, treatment: want.treatment });
    return true;
  }
  return false;
}

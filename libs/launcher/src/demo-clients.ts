/**
 * The client-record demo data `npm start` seeds after the demo network: ten clients across
 * the three demo clinics with consents, screenings (cleared, waiting for GP clearance, one
 * GP clearance recorded, one not suitable), care plans, session histories (improving pain,
 * one worsening) and adverse events (one mild, one severe for clinical governance).
 *
 * Everything goes through the gateway as a real user would: head office registers, screens
 * and plans; each session record is written by the treating therapist of its booking (a
 * therapist token minted with the development key). client-record learns who treats whom
 * only from booking events, and booking's API refuses starts in the past (START_IN_PAST),
 * so this seed publishes each past session's `booking.confirmed` and `booking.completed`
 * on booking.events.v1 as booking would (booking itself holds no past bookings; its own
 * seed, demo-bookings.ts, books the coming four weeks).
 *
 * Idempotent: clients are matched by email, and every later stage looks at what the client
 * already has (consents, eligibility, care plans, session records by booking id, adverse
 * events) and adds only what is missing. Booking and event ids are derived from the client
 * id and the session number, so events published again are dropped by client-record's
 * inbox; a second start publishes nothing at all.
 */
import { createHash } from 'node:crypto';
import { signDevToken } from '@app/auth';
import {
  BookingCompletedV1,
  BookingConfirmedV1,
  BookingState,
  EventDefinition,
  EventEnvelope,
} from '@app/contracts';
import { headersFor, KafkaJsMessageBus, OutgoingMessage } from '@app/messaging';
import { DEMO_THERAPISTS, demoEmail } from './demo-network';
import { GraphqlCall, graphqlCaller, retryWhile } from './graphql-client';

export type Weekday =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

const WEEKDAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** The booking service's catalogue (fixed ids, booking's TreatmentCatalogue migration). */
export const DEMO_TREATMENTS = {
  INITIAL_ASSESSMENT: { id: '6f1d2c10-0000-4000-8000-000000000001', minutes: 60 },
  PNF_STRETCH_30: { id: '6f1d2c10-0000-4000-8000-000000000002', minutes: 30 },
  PNF_STRETCH_60: { id: '6f1d2c10-0000-4000-8000-000000000003', minutes: 60 },
  MAINTENANCE_45: { id: '6f1d2c10-0000-4000-8000-000000000004', minutes: 45 },
} as const;

type TreatmentCode = keyof typeof DEMO_TREATMENTS;

export interface DemoAdverseEvent {
  /** Which session (0-based) it followed. */
  readonly afterSession: number;
  /** Minutes after that session's start. */
  readonly minutesAfterStart: number;
  readonly type: 'soreness_over_48h' | 'bruising' | 'overstretch_injury' | 'dizziness';
  readonly severity: 'mild' | 'moderate' | 'severe';
  readonly description: string;
  readonly actionsTaken: string;
  /** Days after the event; every demo event needs a follow-up. */
  readonly followUpDueInDays: number;
  /** A resolving follow-up note, recorded at once (the mild one); none leaves it outstanding. */
  readonly resolvedFollowUp?: string;
}

export interface DemoCourse {
  readonly therapist: { readonly givenName: string; readonly familyName: string };
  /** The weekdays of the client's sessions, in the therapist's working week at the clinic. */
  readonly weekdays: readonly Weekday[];
  /** Clinic wall-clock start, HH:MM. */
  readonly time: string;
  /** The course began this many weeks before the current week (Monday-based). */
  readonly weeksAgo: number;
  /** After the initial assessment. */
  readonly treatment: TreatmentCode;
  readonly focus: string;
  readonly techniques: readonly string[];
  /** Range of motion measured every session, from the first to the latest value. */
  readonly rangeOfMotion: {
    readonly joint: string;
    readonly movement: string;
    readonly side: string;
    readonly from: number;
    readonly to: number;
  };
  /** NPRS before and after each session, oldest first (one entry per session). */
  readonly pain: { readonly before: readonly number[]; readonly after: readonly number[] };
  /** Replaces the generated note of the last session. */
  readonly lastNote?: string;
  readonly plan: {
    readonly goals: readonly string[];
    readonly sessionsPerWeek: number;
    readonly weeks: number;
    readonly maintenanceEveryWeeks: number | null;
  };
  readonly adverseEvents?: readonly DemoAdverseEvent[];
}

export interface DemoClient {
  readonly clinic: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly phone: string;
  readonly address: { line1: string; line2?: string; town: string; postcode: string };
  readonly gpPractice: { name: string; address: string; phone: string };
  readonly emergencyContact: { name: string; relationship: string; phone: string };
  readonly serviceMessages: readonly ('email' | 'sms')[];
  readonly marketing: readonly ('email' | 'sms')[];
  readonly screening: {
    readonly conditions: readonly string[];
    readonly duration: 'under_3_months' | 'between_3_and_12_months' | 'over_12_months';
    readonly baselinePain: number;
    readonly medications: readonly string[];
    readonly redFlags: readonly string[];
    /** Days before the first session (or before today, without a course). */
    readonly leadDays: number;
  };
  readonly gpClearance?: {
    readonly daysAfterScreening: number;
    readonly gpName: string;
    readonly note: string;
  };
  readonly course?: DemoCourse;
}

const AMIRA = { givenName: 'Amira', familyName: 'Khan' };
const GRACE = { givenName: 'Grace', familyName: 'Okafor' };
const HANNAH = { givenName: 'Hannah', familyName: 'Lloyd' };
const OLIVER = { givenName: 'Oliver', familyName: 'Grant' };
const ISLA = { givenName: 'Isla', familyName: 'Campbell' };
const MARCUS = { givenName: 'Marcus', familyName: 'Reid' };

const LEEDS_GP = {
  name: 'Hyde Park Surgery',
  address: '3 Woodsley Road, Leeds LS6 1SG',
  phone: '0113 496 0123',
};
const MANCHESTER_GP = {
  name: 'Ancoats Urban Village Medical Practice',
  address: '17 Old Mill Street, Manchester M4 6EE',
  phone: '0161 496 0456',
};
const BRISTOL_GP = {
  name: 'Montpelier Health Centre',
  address: 'Bath Buildings, Bristol BS6 5PT',
  phone: '0117 496 0789',
};

/**
 * Ten clients: LDS-01 four, MAN-01 three, BRS-01 three. Outcomes (first vs latest
 * pre-session NPRS): Margaret 7→3, David 6→4, Liam 5→2, Eleanor 7→3, Rebecca 6→3 improve;
 * Priya 6→8 worsens; Samuel 4→3 (not clinically important). Eligibility: seven cleared
 * (David after his GP's clearance), Joan and Aisha waiting for GP clearance, Gareth not
 * suitable. Phones are in Ofcom's drama ranges; emails @example.com.
 */
export const DEMO_CLIENTS: readonly DemoClient[] = [
  {
    clinic: 'LDS-01',
    givenName: 'Margaret',
    familyName: 'Hughes',
    dateOfBirth: '1958-03-14',
    phone: '07700 900101',
    address: { line1: '14 Cardigan Road', line2: 'Headingley', town: 'Leeds', postcode: 'LS6 3AG' },
    gpPractice: LEEDS_GP,
    emergencyContact: { name: 'Peter Hughes', relationship: 'husband', phone: '07700 900102' },
    serviceMessages: ['email', 'sms'],
    marketing: ['email'],
    screening: {
      conditions: ['lower_back_pain'],
      duration: 'over_12_months',
      baselinePain: 7,
      medications: ['Naproxen 500 mg twice daily', 'Paracetamol 1 g as needed'],
      redFlags: [],
      leadDays: 7,
    },
    course: {
      therapist: AMIRA,
      weekdays: ['monday', 'wednesday'],
      time: '09:30',
      weeksAgo: 3,
      treatment: 'PNF_STRETCH_60',
      focus: 'hamstrings, hip flexors and lumbar extensors',
      techniques: ['pnf_contract_relax', 'pnf_hold_relax', 'static'],
      rangeOfMotion: { joint: 'lumbar_spine', movement: 'flexion', side: 'none', from: 40, to: 60 },
      pain: { before: [7, 6, 6, 5, 4, 3], after: [5, 4, 4, 3, 3, 2] },
      plan: {
        goals: [
          'Walk 30 minutes without back pain',
          'Garden for an hour without needing to lie down',
        ],
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: 4,
      },
    },
  },
  {
    clinic: 'LDS-01',
    givenName: 'David',
    familyName: 'Thompson',
    dateOfBirth: '1971-09-02',
    phone: '07700 900111',
    address: { line1: '7 Chapel Lane', town: 'Leeds', postcode: 'LS12 4LN' },
    gpPractice: LEEDS_GP,
    emergencyContact: { name: 'Karen Thompson', relationship: 'wife', phone: '07700 900112' },
    serviceMessages: ['email'],
    marketing: [],
    screening: {
      conditions: ['sciatica', 'lower_back_pain'],
      duration: 'between_3_and_12_months',
      baselinePain: 6,
      medications: ['Co-codamol 30/500 as needed'],
      redFlags: ['surgery_last_6_months'],
      leadDays: 21,
    },
    gpClearance: {
      daysAfterScreening: 9,
      gpName: 'Dr Sarah Mitchell',
      note: 'Microdiscectomy L5/S1 four months ago, healed well. Avoid end-range lumbar flexion under load for another 6 weeks.',
    },
    course: {
      therapist: AMIRA,
      weekdays: ['monday', 'wednesday'],
      time: '11:00',
      weeksAgo: 2,
      treatment: 'PNF_STRETCH_30',
      focus: 'hamstrings and piriformis, avoiding loaded end-range flexion',
      techniques: ['pnf_hold_relax', 'static'],
      rangeOfMotion: { joint: 'hip', movement: 'flexion', side: 'left', from: 55, to: 70 },
      pain: { before: [6, 5, 5, 4], after: [5, 4, 3, 3] },
      plan: {
        goals: ['Sit through a working day without leg pain', 'Return to five-a-side football'],
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: 4,
      },
    },
  },
  {
    clinic: 'LDS-01',
    givenName: 'Priya',
    familyName: 'Sharma',
    dateOfBirth: '1989-06-21',
    phone: '07700 900121',
    address: { line1: 'Flat 4, 22 Kirkstall Road', town: 'Leeds', postcode: 'LS3 1LL' },
    gpPractice: LEEDS_GP,
    emergencyContact: { name: 'Anil Sharma', relationship: 'brother', phone: '07700 900122' },
    serviceMessages: ['email', 'sms'],
    marketing: ['email'],
    screening: {
      conditions: ['fibromyalgia'],
      duration: 'over_12_months',
      baselinePain: 6,
      medications: ['Amitriptyline 10 mg at night'],
      redFlags: [],
      leadDays: 10,
    },
    course: {
      therapist: GRACE,
      weekdays: ['monday', 'friday'],
      time: '17:00',
      weeksAgo: 4,
      treatment: 'PNF_STRETCH_30',
      focus: 'gentle upper trapezius, pectoral and hip flexor work at low intensity',
      techniques: ['pnf_hold_relax', 'static', 'myofascial_release'],
      rangeOfMotion: {
        joint: 'cervical_spine',
        movement: 'rotation',
        side: 'bilateral',
        from: 60,
        to: 58,
      },
      pain: { before: [6, 6, 7, 7, 8, 8], after: [5, 5, 6, 7, 7, 8] },
      lastNote:
        'Widespread pain higher than at the start; flare after a stressful month and poor sleep. Intensity reduced, plan to review with the client and suggest a GP medication review.',
      plan: {
        goals: ['Fewer flare-ups a month', 'Sleep through the night more often'],
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: 4,
      },
      adverseEvents: [
        {
          afterSession: 4,
          minutesAfterStart: 26 * 60,
          type: 'soreness_over_48h',
          severity: 'mild',
          description:
            'Aching across the shoulders and upper back for three days after the session.',
          actionsTaken:
            'Advised heat, gentle movement and paracetamol; next session at lower intensity.',
          followUpDueInDays: 7,
          resolvedFollowUp:
            'Soreness settled by day four; no lasting effects. Continuing at lower intensity.',
        },
      ],
    },
  },
  {
    clinic: 'LDS-01',
    givenName: 'Joan',
    familyName: 'Whitfield',
    dateOfBirth: '1949-11-30',
    phone: '07700 900131',
    address: { line1: '51 Otley Road', town: 'Leeds', postcode: 'LS16 5JT' },
    gpPractice: LEEDS_GP,
    emergencyContact: { name: 'Susan Clarke', relationship: 'daughter', phone: '07700 900132' },
    serviceMessages: ['sms'],
    marketing: [],
    screening: {
      conditions: ['osteoarthritis'],
      duration: 'over_12_months',
      baselinePain: 5,
      medications: ['Alendronic acid 70 mg weekly', 'Paracetamol 1 g four times daily'],
      redFlags: ['osteoporosis'],
      leadDays: 4,
    },
  },
  {
    clinic: 'MAN-01',
    givenName: 'Liam',
    familyName: "O'Connor",
    dateOfBirth: '1985-11-30',
    phone: '07700 900141',
    address: { line1: '9 Hanover Street', town: 'Manchester', postcode: 'M4 4AH' },
    gpPractice: MANCHESTER_GP,
    emergencyContact: { name: "Niamh O'Connor", relationship: 'partner', phone: '07700 900142' },
    serviceMessages: ['email', 'sms'],
    marketing: ['email', 'sms'],
    screening: {
      conditions: ['sports_injury'],
      duration: 'under_3_months',
      baselinePain: 5,
      medications: [],
      redFlags: [],
      leadDays: 6,
    },
    course: {
      therapist: HANNAH,
      weekdays: ['tuesday', 'thursday'],
      time: '18:00',
      weeksAgo: 3,
      treatment: 'PNF_STRETCH_30',
      focus: 'hamstrings and calves after a running strain',
      techniques: ['pnf_contract_relax_agonist_contract', 'dynamic', 'static'],
      rangeOfMotion: { joint: 'hip', movement: 'flexion', side: 'right', from: 60, to: 80 },
      pain: { before: [5, 4, 4, 3, 2], after: [3, 3, 2, 2, 1] },
      plan: {
        goals: ['Run 10 km without hamstring pain'],
        sessionsPerWeek: 2,
        weeks: 4,
        maintenanceEveryWeeks: 6,
      },
    },
  },
  {
    clinic: 'MAN-01',
    givenName: 'Aisha',
    familyName: 'Rahman',
    dateOfBirth: '1992-04-08',
    phone: '07700 900151',
    address: { line1: '33 Wilmslow Road', town: 'Manchester', postcode: 'M14 5TB' },
    gpPractice: MANCHESTER_GP,
    emergencyContact: { name: 'Imran Rahman', relationship: 'husband', phone: '07700 900152' },
    serviceMessages: ['email'],
    marketing: [],
    screening: {
      conditions: ['lower_back_pain'],
      duration: 'under_3_months',
      baselinePain: 6,
      medications: ['Folic acid 400 micrograms daily'],
      redFlags: ['pregnancy'],
      leadDays: 2,
    },
  },
  {
    clinic: 'MAN-01',
    givenName: 'Gareth',
    familyName: 'Morgan',
    dateOfBirth: '1966-01-17',
    phone: '07700 900161',
    address: { line1: '120 Stockport Road', town: 'Manchester', postcode: 'M13 9PL' },
    gpPractice: MANCHESTER_GP,
    emergencyContact: { name: 'Helen Morgan', relationship: 'wife', phone: '07700 900162' },
    serviceMessages: ['email', 'sms'],
    marketing: [],
    screening: {
      conditions: ['lower_back_pain', 'sciatica'],
      duration: 'under_3_months',
      baselinePain: 8,
      medications: ['Ibuprofen 400 mg three times daily'],
      redFlags: ['cauda_equina_symptoms'],
      leadDays: 8,
    },
  },
  {
    clinic: 'BRS-01',
    givenName: 'Eleanor',
    familyName: 'Davies',
    dateOfBirth: '1962-07-05',
    phone: '07700 900171',
    address: { line1: '28 Cotham Hill', town: 'Bristol', postcode: 'BS6 6LA' },
    gpPractice: BRISTOL_GP,
    emergencyContact: { name: 'Rhys Davies', relationship: 'son', phone: '07700 900172' },
    serviceMessages: ['email', 'sms'],
    marketing: ['email'],
    screening: {
      conditions: ['neck_shoulder'],
      duration: 'over_12_months',
      baselinePain: 7,
      medications: [],
      redFlags: [],
      leadDays: 5,
    },
    course: {
      therapist: OLIVER,
      weekdays: ['wednesday', 'friday'],
      time: '09:00',
      weeksAgo: 3,
      treatment: 'PNF_STRETCH_60',
      focus: 'upper trapezius, levator scapulae and pectorals',
      techniques: ['pnf_contract_relax', 'pnf_hold_relax', 'myofascial_release'],
      rangeOfMotion: {
        joint: 'cervical_spine',
        movement: 'rotation',
        side: 'left',
        from: 50,
        to: 70,
      },
      pain: { before: [7, 6, 5, 5, 4, 3], after: [5, 5, 4, 3, 3, 2] },
      plan: {
        goals: ['Turn her head to reverse the car without pain', 'Work at a desk all day'],
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: 4,
      },
    },
  },
  {
    clinic: 'BRS-01',
    givenName: 'Samuel',
    familyName: 'Okoye',
    dateOfBirth: '1994-12-12',
    phone: '07700 900181',
    address: { line1: '6 Gloucester Road', town: 'Bristol', postcode: 'BS7 8AE' },
    gpPractice: BRISTOL_GP,
    emergencyContact: { name: 'Grace Okoye', relationship: 'mother', phone: '07700 900182' },
    serviceMessages: ['sms'],
    marketing: [],
    screening: {
      conditions: ['sports_injury'],
      duration: 'under_3_months',
      baselinePain: 4,
      medications: [],
      redFlags: [],
      leadDays: 3,
    },
    course: {
      therapist: ISLA,
      weekdays: ['wednesday', 'friday'],
      time: '17:30',
      weeksAgo: 2,
      treatment: 'PNF_STRETCH_30',
      focus: 'adductors and hip flexors after a football groin strain',
      techniques: ['pnf_contract_relax', 'dynamic'],
      rangeOfMotion: { joint: 'hip', movement: 'abduction', side: 'left', from: 30, to: 35 },
      pain: { before: [4, 3, 3], after: [3, 2, 5] },
      lastNote:
        'Sharp pain in the left groin during the contract phase of the third adductor set; session stopped. See adverse event report.',
      plan: {
        goals: ['Return to Sunday league football'],
        sessionsPerWeek: 2,
        weeks: 4,
        maintenanceEveryWeeks: null,
      },
      adverseEvents: [
        {
          afterSession: 2,
          minutesAfterStart: 20,
          type: 'overstretch_injury',
          severity: 'severe',
          description:
            'Sudden sharp pain in the left adductor during a PNF contraction; unable to weight-bear comfortably afterwards. Suspected grade 2 adductor strain.',
          actionsTaken:
            'Session stopped, ice and compression applied, crutches offered; referred to the GP for assessment the next day. Clinic manager informed.',
          followUpDueInDays: 3,
        },
      ],
    },
  },
  {
    clinic: 'BRS-01',
    givenName: 'Rebecca',
    familyName: 'Walsh',
    dateOfBirth: '1975-10-28',
    phone: '07700 900191',
    address: {
      line1: '45 North Street',
      line2: 'Bedminster',
      town: 'Bristol',
      postcode: 'BS3 1EN',
    },
    gpPractice: BRISTOL_GP,
    emergencyContact: { name: 'Tom Walsh', relationship: 'husband', phone: '07700 900192' },
    serviceMessages: ['email'],
    marketing: ['email'],
    screening: {
      conditions: ['osteoarthritis', 'lower_back_pain'],
      duration: 'over_12_months',
      baselinePain: 6,
      medications: ['Glucosamine 1500 mg daily'],
      redFlags: [],
      leadDays: 7,
    },
    course: {
      therapist: MARCUS,
      weekdays: ['monday', 'tuesday'],
      time: '08:45',
      weeksAgo: 3,
      treatment: 'PNF_STRETCH_60',
      focus: 'hip capsule, quadriceps and lumbar extensors',
      techniques: ['pnf_contract_relax', 'active_isolated', 'static'],
      rangeOfMotion: {
        joint: 'hip',
        movement: 'internal_rotation',
        side: 'right',
        from: 20,
        to: 30,
      },
      pain: { before: [6, 5, 5, 4, 4, 3], after: [4, 4, 3, 3, 2, 2] },
      plan: {
        goals: ['Climb stairs without holding the rail', 'Walk the dog twice a day'],
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: 4,
      },
    },
  },
];

export function demoClientEmail(client: Pick<DemoClient, 'givenName' | 'familyName'>): string {
  const part = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '');
  return `${part(client.givenName)}.${part(client.familyName)}@example.com`;
}

/** A stable RFC 4122 name-based UUID (version 5 layout over SHA-1) for a demo name. */
export function demoUuid(name: string): string {
  const bytes = createHash('sha1').update(`stretch-clinic-demo:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `days` after the ISO date `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The session dates of a course: the given weekdays from the Monday `weeksAgo` weeks before
 * the week of `today`, `count` of them. Every one is before `today` (a completed session),
 * else this throws: the demo data would be wrong.
 */
export function courseDates(
  today: string,
  weeksAgo: number,
  weekdays: readonly Weekday[],
  count: number,
): string[] {
  const todayIndex = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -todayIndex - 7 * weeksAgo);
  const dates: string[] = [];
  for (let day = 0; dates.length < count; day += 1) {
    const date = addDays(monday, day);
    if (weekdays.includes(WEEKDAYS[day % 7])) {
      if (date >= today) {
        throw new Error(
          `demo course from ${monday} has no room for ${count} sessions before today`,
        );
      }
      dates.push(date);
    }
  }
  return dates;
}

/** The wall-clock time of `instant` in `timeZone`, as "YYYY-MM-DDTHH:MM". */
export function wallClock(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant a clinic wall-clock time ("YYYY-MM-DDTHH:MM", not in a DST gap) happens. */
export function zonedInstant(local: string, timeZone: string): Date {
  const asUtc = Date.parse(`${local}:00Z`);
  let instant = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const offset = Date.parse(`${wallClock(new Date(instant), timeZone)}:00Z`) - instant;
    instant = asUtc - offset;
  }
  return new Date(instant);
}

export interface PlannedSession {
  readonly index: number;
  readonly booking: BookingState;
  readonly treatment: TreatmentCode;
}

/**
 * The completed bookings of a client's course, as booking would publish them: ids derived
 * from the client id and session number, times in the clinic's timezone.
 */
export function plannedSessions(input: {
  readonly today: string;
  readonly course: DemoCourse;
  readonly clientId: string;
  readonly clinicId: string;
  readonly therapistId: string;
  readonly timezone: string;
  readonly roomId: string | null;
}): PlannedSession[] {
  const { course } = input;
  return courseDates(input.today, course.weeksAgo, course.weekdays, course.pain.before.length).map(
    (date, index) => {
      const treatment: TreatmentCode = index === 0 ? 'INITIAL_ASSESSMENT' : course.treatment;
      const startsAt = zonedInstant(`${date}T${course.time}`, input.timezone);
      const endsAt = new Date(startsAt.getTime() + DEMO_TREATMENTS[treatment].minutes * 60_000);
      return {
        index,
        treatment,
        booking: {
          bookingId: demoUuid(`booking:${input.clientId}:${index}`),
          clinicId: input.clinicId,
          clientId: input.clientId,
          therapistId: input.therapistId,
          treatmentId: DEMO_TREATMENTS[treatment].id,
          roomId: input.roomId,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          localStart: wallClock(startsAt, input.timezone),
          localEnd: wallClock(endsAt, input.timezone),
          timezone: input.timezone,
          status: 'completed',
        },
      };
    },
  );
}

/** The clinical note of session `index` (0-based) of a course. */
export function sessionNote(course: DemoCourse, index: number): string {
  const before = course.pain.before[index];
  const after = course.pain.after[index];
  if (index === course.pain.before.length - 1 && course.lastNote !== undefined) {
    return course.lastNote;
  }
  if (index === 0) {
    return `Initial assessment. Explained PNF and agreed the plan. First session: ${course.focus}. NPRS ${before} before, ${after} after. Home stretches given.`;
  }
  return `PNF session ${index + 1}: ${course.focus}. NPRS ${before} before, ${after} after. Tolerated well; home programme continued.`;
}

/** The range-of-motion value measured at session `index`, whole degrees. */
export function sessionRangeOfMotion(course: DemoCourse, index: number): number {
  const { from, to } = course.rangeOfMotion;
  const steps = Math.max(course.pain.before.length - 1, 1);
  return Math.round(from + ((to - from) * index) / steps);
}

/** The date a client's screening happened. */
export function screeningDate(client: DemoClient, today: string): string {
  const start =
    client.course === undefined
      ? today
      : courseDates(today, client.course.weeksAgo, client.course.weekdays, 1)[0];
  return addDays(start, -client.screening.leadDays);
}

// ---------------------------------------------------------------------------------------
// Seeding through the gateway

export interface DemoClientSeedOptions {
  readonly gatewayUrl: string;
  readonly headOfficeToken: string;
  /** The brokers booking.events.v1 lives on. */
  readonly kafkaBrokers: readonly string[];
  /** The development private key, to mint the treating therapists' tokens. */
  readonly privateKeyPem: string;
  readonly log: (line: string) => void;
  readonly today?: Date;
  /** How long client-record may take to learn a clinic or a booking from Kafka. */
  readonly waitTimeoutMs?: number;
}

/** retryWhile with client-record's give-up message: what it waited for, and what to check. */
function untilConsumed<T>(
  codes: readonly string[],
  action: () => Promise<T>,
  timeoutMs: number,
  waitingFor: string,
): Promise<T> {
  return retryWhile(codes, action, {
    deadline: Date.now() + timeoutMs,
    pauseMs: 250,
    giveUp: (last) =>
      new Error(
        `[seed] gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${waitingFor} (${last.code ?? ''}: ${last.message}); is client-record consuming its Kafka topics?`,
      ),
  });
}

interface SeedContext {
  readonly gatewayUrl: string;
  readonly headOffice: GraphqlCall;
  readonly today: string;
  readonly clinics: Map<string, { id: string; timezone: string; roomIds: string[] }>;
  readonly therapists: Map<string, { id: string; token: Promise<string> }>;
  readonly waitTimeoutMs: number;
}

interface SeededClient {
  readonly demo: DemoClient;
  readonly id: string;
  readonly clinicId: string;
}

/** Seeds the demo clients; see the top of this file. One `[seed]` line per stage. */
export async function seedDemoClients(options: DemoClientSeedOptions): Promise<void> {
  const now = options.today ?? new Date();
  const headOffice = graphqlCaller(options.gatewayUrl, options.headOfficeToken);
  const waitTimeoutMs = options.waitTimeoutMs ?? 60_000;
  const clinics = await clinicsByCode(headOffice);
  const context: SeedContext = {
    gatewayUrl: options.gatewayUrl,
    headOffice,
    today: now.toISOString().slice(0, 10),
    clinics,
    therapists: await therapistsByEmail(headOffice, clinics, options.privateKeyPem),
    waitTimeoutMs,
  };
  const log = options.log;

  const clients = await seedClients(context, log);
  await seedConsents(context, clients, log);
  await seedScreenings(context, clients, log);
  await seedCarePlans(context, clients, log);
  await seedSessions(context, clients, options, log);
  await seedAdverseEvents(context, clients, log);
}

async function clinicsByCode(headOffice: GraphqlCall): Promise<SeedContext['clinics']> {
  const result = await headOffice<{
    clinics: {
      id: string;
      code: string;
      timezone: string;
      rooms: { id: string; status: string }[];
    }[];
  }>('{ clinics { id code timezone rooms { id status } } }');
  return new Map(
    result.clinics.map((clinic) => [
      clinic.code,
      {
        id: clinic.id,
        timezone: clinic.timezone,
        roomIds: clinic.rooms.filter((room) => room.status === 'active').map((room) => room.id),
      },
    ]),
  );
}

/** The demo therapists by email, each with a login of their own (role therapist). */
async function therapistsByEmail(
  headOffice: GraphqlCall,
  clinics: SeedContext['clinics'],
  privateKeyPem: string,
): Promise<SeedContext['therapists']> {
  const result = await headOffice<{
    therapists: { edges: { node: { id: string; email: string | null } }[] };
  }>('{ therapists(first: 100) { edges { node { id email } } } }');
  const map: SeedContext['therapists'] = new Map();
  for (const therapist of DEMO_THERAPISTS) {
    const email = demoEmail(therapist);
    const node = result.therapists.edges.find((edge) => edge.node.email === email)?.node;
    if (node === undefined) {
      continue;
    }
    const clinicIds = Object.keys(therapist.week).flatMap((code) => {
      const id = clinics.get(code)?.id;
      return id === undefined ? [] : [id];
    });
    map.set(email, {
      id: node.id,
      token: signDevToken(
        {
          role: 'therapist',
          subject: `demo-therapist-${node.id}`,
          therapistId: node.id,
          clinicIds,
        },
        privateKeyPem,
      ),
    });
  }
  return map;
}

function clinicOf(
  context: SeedContext,
  code: string,
): { id: string; timezone: string; roomIds: string[] } {
  const clinic = context.clinics.get(code);
  if (clinic === undefined) {
    throw new Error(
      `[seed] demo clinic ${code} is missing; the demo network seed should have opened it`,
    );
  }
  return clinic;
}

async function seedClients(
  context: SeedContext,
  log: (line: string) => void,
): Promise<SeededClient[]> {
  const seeded: SeededClient[] = [];
  let added = 0;
  for (const demo of DEMO_CLIENTS) {
    const email = demoClientEmail(demo);
    const clinicId = clinicOf(context, demo.clinic).id;
    const found = await context.headOffice<{
      clients: { edges: { node: { id: string; email: string | null } }[] };
    }>(
      'query Find($text: String!) { clients(search: { text: $text }, first: 5) { edges { node { id email } } } }',
      {
        text: email,
      },
    );
    let id = found.clients.edges.find(({ node }) => node.email === email)?.node.id;
    if (id === undefined) {
      // client-record learns the clinic from roster's clinic.opened: on a first start it
      // may not have it yet.
      const registered = await untilConsumed(
        ['CLINIC_NOT_FOUND'],
        () =>
          context.headOffice<{ registerClient: { id: string } }>(
            'mutation Register($input: RegisterClientInput!) { registerClient(input: $input) { id } }',
            {
              input: {
                clinicId,
                givenName: demo.givenName,
                familyName: demo.familyName,
                dateOfBirth: demo.dateOfBirth,
                email,
                phone: demo.phone,
                address: { line2: null, ...demo.address },
                gpPractice: demo.gpPractice,
                emergencyContact: demo.emergencyContact,
              },
            },
          ),
        context.waitTimeoutMs,
        `client-record to learn clinic ${demo.clinic} from roster.events.v1`,
      );
      id = registered.registerClient.id;
      added += 1;
    }
    seeded.push({ demo, id, clinicId });
  }
  const perClinic = [...new Set(DEMO_CLIENTS.map((c) => c.clinic))]
    .map((code) => `${code} ${DEMO_CLIENTS.filter((c) => c.clinic === code).length}`)
    .join(', ');
  log(
    `[seed] demo clients (${perClinic}): ${added} registered, ${seeded.length - added} already present`,
  );
  return seeded;
}

async function seedConsents(
  context: SeedContext,
  clients: readonly SeededClient[],
  log: (line: string) => void,
): Promise<void> {
  const forms = await context.headOffice<{ consentForms: { id: string; kind: string }[] }>(
    '{ consentForms { id kind } }',
  );
  const treatmentForm = forms.consentForms.find((form) => form.kind === 'treatment');
  if (treatmentForm === undefined) {
    throw new Error('[seed] client-record has no treatment consent form');
  }
  let recorded = 0;
  for (const client of clients) {
    const current = await context.headOffice<{
      client: { consents: { kind: string; channel: string | null; granted: boolean }[] };
    }>('query Consents($id: ID!) { client(id: $id) { consents { kind channel granted } } }', {
      id: client.id,
    });
    const wanted: { kind: string; channel: string | null; formVersionId: string | null }[] = [
      { kind: 'treatment', channel: null, formVersionId: treatmentForm.id },
      ...client.demo.serviceMessages.map((channel) => ({
        kind: 'service_messages',
        channel,
        formVersionId: null,
      })),
      ...client.demo.marketing.map((channel) => ({
        kind: 'marketing',
        channel,
        formVersionId: null,
      })),
    ];
    const effectiveAt = `${screeningDate(client.demo, context.today)}T09:00:00.000Z`;
    for (const consent of wanted) {
      const held = current.client.consents.some(
        (c) => c.kind === consent.kind && (c.channel ?? null) === consent.channel && c.granted,
      );
      if (held) {
        continue;
      }
      await context.headOffice(
        'mutation Consent($clientId: ID!, $input: RecordConsentInput!) { recordConsent(clientId: $clientId, input: $input) { id } }',
        {
          clientId: client.id,
          input: { ...consent, granted: true, method: 'in_person', effectiveAt },
        },
      );
      recorded += 1;
    }
  }
  log(
    `[seed] consents: ${recorded} recorded (treatment on the current form, service messages, some marketing)`,
  );
}

async function seedScreenings(
  context: SeedContext,
  clients: readonly SeededClient[],
  log: (line: string) => void,
): Promise<void> {
  let screened = 0;
  let cleared = 0;
  const statuses = new Map<string, number>();
  for (const client of clients) {
    const { screening, gpClearance } = client.demo;
    const screenedOn = screeningDate(client.demo, context.today);
    let status = await eligibilityOf(context, client.id);
    if (status === 'not_screened') {
      const recorded = await context.headOffice<{ recordScreening: { outcome: string } }>(
        'mutation Screen($clientId: ID!, $input: RecordScreeningInput!) { recordScreening(clientId: $clientId, input: $input) { outcome } }',
        {
          clientId: client.id,
          input: {
            clinicId: client.clinicId,
            conditions: screening.conditions,
            duration: screening.duration,
            baselinePain: screening.baselinePain,
            medications: screening.medications,
            redFlags: screening.redFlags,
            screenedOn,
          },
        },
      );
      status = recorded.recordScreening.outcome;
      screened += 1;
    }
    if (gpClearance !== undefined && status === 'gp_clearance_required') {
      await context.headOffice(
        'mutation Clear($clientId: ID!, $input: RecordGpClearanceInput!) { recordGpClearance(clientId: $clientId, input: $input) { status } }',
        {
          clientId: client.id,
          input: {
            clearedOn: addDays(screenedOn, gpClearance.daysAfterScreening),
            gpName: gpClearance.gpName,
            gpPractice: client.demo.gpPractice.name,
            note: gpClearance.note,
          },
        },
      );
      status = 'cleared';
      cleared += 1;
    }
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  const summary = [...statuses].map(([status, count]) => `${count} ${status}`).join(', ');
  log(
    `[seed] screenings: ${screened} recorded, GP clearances recorded: ${cleared}; eligibility now ${summary}`,
  );
}

async function eligibilityOf(context: SeedContext, clientId: string): Promise<string> {
  const result = await context.headOffice<{ eligibility: { status: string } }>(
    'query Eligibility($id: ID!) { eligibility(clientId: $id) { status } }',
    { id: clientId },
  );
  return result.eligibility.status;
}

function therapistOf(
  context: SeedContext,
  course: DemoCourse,
): { id: string; token: Promise<string> } {
  const therapist = context.therapists.get(demoEmail(course.therapist));
  if (therapist === undefined) {
    throw new Error(
      `[seed] demo therapist ${course.therapist.givenName} ${course.therapist.familyName} is missing`,
    );
  }
  return therapist;
}

async function seedCarePlans(
  context: SeedContext,
  clients: readonly SeededClient[],
  log: (line: string) => void,
): Promise<void> {
  let created = 0;
  let present = 0;
  for (const client of clients) {
    const course = client.demo.course;
    if (course === undefined) {
      continue;
    }
    const plans = await context.headOffice<{ carePlans: { id: string }[] }>(
      'query Plans($id: ID!) { carePlans(clientId: $id) { id } }',
      { id: client.id },
    );
    if (plans.carePlans.length > 0) {
      present += 1;
      continue;
    }
    const startsOn = courseDates(context.today, course.weeksAgo, course.weekdays, 1)[0];
    await context.headOffice(
      'mutation Plan($clientId: ID!, $input: CreateCarePlanInput!) { createCarePlan(clientId: $clientId, input: $input) { id } }',
      {
        clientId: client.id,
        input: {
          clinicId: client.clinicId,
          goals: course.plan.goals,
          targetConditions: client.demo.screening.conditions,
          sessionsPerWeek: course.plan.sessionsPerWeek,
          weeks: course.plan.weeks,
          maintenanceEveryWeeks: course.plan.maintenanceEveryWeeks,
          preferredTherapistId: therapistOf(context, course).id,
          startsOn,
          reviewOn: addDays(startsOn, course.plan.weeks * 7),
        },
      },
    );
    created += 1;
  }
  log(`[seed] care plans: ${created} created, ${present} already present`);
}

async function seedSessions(
  context: SeedContext,
  clients: readonly SeededClient[],
  options: DemoClientSeedOptions,
  log: (line: string) => void,
): Promise<void> {
  const toWrite: { client: SeededClient; course: DemoCourse; session: PlannedSession }[] = [];
  const toPublish: PlannedSession[] = [];
  let present = 0;
  for (const client of clients) {
    const course = client.demo.course;
    if (course === undefined) {
      continue;
    }
    const clinic = clinicOf(context, client.demo.clinic);
    const sessions = plannedSessions({
      today: context.today,
      course,
      clientId: client.id,
      clinicId: client.clinicId,
      therapistId: therapistOf(context, course).id,
      timezone: clinic.timezone,
      roomId: clinic.roomIds[clients.indexOf(client) % Math.max(clinic.roomIds.length, 1)] ?? null,
    });
    const records = await context.headOffice<{
      sessionRecords: { bookingId: string; status: string }[];
    }>('query Sessions($id: ID!) { sessionRecords(clientId: $id) { bookingId status } }', {
      id: client.id,
    });
    const status = new Map(records.sessionRecords.map((r) => [r.bookingId, r.status]));
    for (const session of sessions) {
      const current = status.get(session.booking.bookingId);
      if (current === 'recorded') {
        present += 1;
        continue;
      }
      if (current === undefined) {
        toPublish.push(session);
      }
      toWrite.push({ client, course, session });
    }
  }

  await publishBookings(options.kafkaBrokers, toPublish);
  log(
    `[seed] bookings: ${toPublish.length} past bookings published as booking.confirmed + booking.completed on booking.events.v1 (stand-in for booking's seed)`,
  );

  for (const { course, session } of toWrite) {
    const token = await therapistOf(context, course).token;
    const asTherapist = graphqlCaller(context.gatewayUrl, token);
    const painBefore = course.pain.before[session.index];
    const painAfter = course.pain.after[session.index];
    await untilConsumed(
      ['BOOKING_NOT_FOUND', 'BOOKING_NOT_STARTED'],
      () =>
        asTherapist(
          'mutation Write($bookingId: ID!, $input: SessionContentInput!) { recordSession(bookingId: $bookingId, input: $input) { id } }',
          {
            bookingId: session.booking.bookingId,
            input: {
              painBefore,
              painAfter,
              rangeOfMotion: [
                {
                  joint: course.rangeOfMotion.joint,
                  movement: course.rangeOfMotion.movement,
                  side: course.rangeOfMotion.side,
                  degrees: sessionRangeOfMotion(course, session.index),
                },
              ],
              techniques: course.techniques,
              notes: sessionNote(course, session.index),
            },
          },
        ),
      context.waitTimeoutMs,
      `client-record to learn booking ${session.booking.bookingId} from booking.events.v1`,
    );
  }
  log(
    `[seed] session records: ${toWrite.length} written by the treating therapists, ${present} already present`,
  );
}

/** What booking will publish for a completed booking: confirmed, then completed. */
async function publishBookings(
  brokers: readonly string[],
  sessions: readonly PlannedSession[],
): Promise<void> {
  if (sessions.length === 0) {
    return;
  }
  const bus = new KafkaJsMessageBus({ brokers, clientId: 'demo-seed' });
  try {
    const messages: OutgoingMessage[] = [];
    for (const { booking } of sessions) {
      const confirmedAt = new Date(Date.parse(booking.startsAt) - 3 * 86_400_000).toISOString();
      messages.push(
        message(BookingConfirmedV1, { ...booking, status: 'confirmed' }, confirmedAt, 'confirmed'),
        message(BookingCompletedV1, booking, booking.endsAt, 'completed'),
      );
    }
    await bus.publish(BookingConfirmedV1.topic, messages);
  } finally {
    await bus.close();
  }
}

function message<D extends BookingState>(
  definition: EventDefinition<string, D>,
  data: D,
  occurredAt: string,
  step: string,
): OutgoingMessage {
  const envelope: EventEnvelope<D> = {
    eventId: demoUuid(`event:${data.bookingId}:${step}`),
    type: definition.type,
    schemaVersion: definition.version,
    occurredAt,
    clinicId: data.clinicId,
    aggregateId: data.bookingId,
    correlationId: demoUuid(`correlation:${data.bookingId}`),
    causationId: null,
    actor: { type: 'system', id: 'demo-seed' },
    data: definition.schema.parse(data),
  };
  return {
    key: envelope.aggregateId,
    value: JSON.stringify(envelope),
    headers: headersFor(envelope),
  };
}

async function seedAdverseEvents(
  context: SeedContext,
  clients: readonly SeededClient[],
  log: (line: string) => void,
): Promise<void> {
  let reported = 0;
  let present = 0;
  for (const client of clients) {
    const course = client.demo.course;
    if (course?.adverseEvents === undefined) {
      continue;
    }
    const existing = await context.headOffice<{ adverseEvents: { id: string }[] }>(
      'query Events($id: ID!) { adverseEvents(clientId: $id) { id } }',
      { id: client.id },
    );
    if (existing.adverseEvents.length > 0) {
      present += existing.adverseEvents.length;
      continue;
    }
    const therapist = therapistOf(context, course);
    const asTherapist = graphqlCaller(context.gatewayUrl, await therapist.token);
    const clinic = clinicOf(context, client.demo.clinic);
    const sessions = plannedSessions({
      today: context.today,
      course,
      clientId: client.id,
      clinicId: client.clinicId,
      therapistId: therapist.id,
      timezone: clinic.timezone,
      roomId: null,
    });
    for (const event of course.adverseEvents) {
      const session = sessions[event.afterSession];
      const occurredAt = new Date(
        Date.parse(session.booking.startsAt) + event.minutesAfterStart * 60_000,
      );
      const report = await asTherapist<{ reportAdverseEvent: { id: string } }>(
        'mutation Report($clientId: ID!, $input: ReportAdverseEventInput!) { reportAdverseEvent(clientId: $clientId, input: $input) { id } }',
        {
          clientId: client.id,
          input: {
            clinicId: client.clinicId,
            type: event.type,
            severity: event.severity,
            description: event.description,
            occurredAt: occurredAt.toISOString(),
            bookingId: session.booking.bookingId,
            actionsTaken: event.actionsTaken,
            followUpRequired: true,
            followUpDueOn: addDays(occurredAt.toISOString().slice(0, 10), event.followUpDueInDays),
          },
        },
      );
      if (event.resolvedFollowUp !== undefined) {
        await asTherapist(
          'mutation FollowUp($id: ID!, $input: RecordAdverseEventFollowUpInput!) { recordAdverseEventFollowUp(id: $id, input: $input) { id } }',
          {
            id: report.reportAdverseEvent.id,
            input: { note: event.resolvedFollowUp, resolved: true },
          },
        );
      }
      reported += 1;
    }
  }
  log(
    `[seed] adverse events: ${reported} reported by the treating therapists (severe ones flagged to clinical governance), ${present} already present`,
  );
}

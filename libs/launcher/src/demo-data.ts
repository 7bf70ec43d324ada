import {
  DEMO_CLINICS,
  DEMO_OPENING_HOURS,
  DEMO_THERAPISTS,
  DemoTherapist,
  demoEmail,
} from './demo-network';
import { seedDemoBookings } from './demo-bookings';
import { seedDemoClients } from './demo-clients';
import { GraphqlCall, graphqlCaller } from './graphql-client';

interface SeededTherapist {
  id: string;
  email: string | null;
  certifications: { type: string }[];
}

/** An ISO date `days` from `today` (negative: in the past). */
function dayOffset(today: Date, days: number): string {
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** What the client-record demo data needs beyond the gateway and a head-office token. */
export interface DemoClientsAccess {
  /** The brokers booking.events.v1 lives on (the seed publishes past bookings there). */
  readonly kafkaBrokers: readonly string[];
  /** The development private key, to sign the treating therapists' tokens. */
  readonly privateKeyPem: string;
}

/**
 * Seeds the demo network through the gateway as head office, the way a real user would.
 * Idempotent: clinics are matched by code, therapists by email, certifications by type,
 * patterns and time off by their presence, so it runs safely at every start. With
 * `clients` it then seeds client-record's demo clients (see demo-clients.ts) and the next
 * four weeks of bookings (see demo-bookings.ts).
 */
export async function seedDemoData(
  gatewayUrl: string,
  headOfficeToken: string,
  log: (line: string) => void,
  today: Date = new Date(),
  clients?: DemoClientsAccess,
): Promise<void> {
  const call = graphqlCaller(gatewayUrl, headOfficeToken);
  const clinicIds = await seedClinics(call, log);
  const therapists = await call<{ therapists: { edges: { node: SeededTherapist }[] } }>(
    '{ therapists(first: 100) { edges { node { id email certifications { type } } } } }',
  );
  const byEmail = new Map(therapists.therapists.edges.map(({ node }) => [node.email, node]));
  let added = 0;
  for (const [index, therapist] of DEMO_THERAPISTS.entries()) {
    const existing = byEmail.get(demoEmail(therapist));
    const id = existing?.id ?? (await addTherapist(call, therapist, clinicIds));
    added += existing === undefined ? 1 : 0;
    await seedCertifications(call, id, therapist, index, existing?.certifications ?? [], today);
    await seedWorkingWeek(call, id, therapist, clinicIds, today);
  }
  await seedTimeOff(call, today);
  log(
    added === 0
      ? '[seed] demo data already present'
      : `[seed] demo network ready: ${added} therapists added`,
  );
  if (clients === undefined) {
    log('[seed] demo clients skipped: no Kafka brokers and signing key given');
    return;
  }
  await seedDemoClients({ gatewayUrl, headOfficeToken, log, today, ...clients });
  await seedDemoBookings({ gatewayUrl, headOfficeToken, log, today, ...clients });
}

async function seedClinics(
  call: GraphqlCall,
  log: (line: string) => void,
): Promise<Map<string, string>> {
  const existing = await call<{ clinics: { id: string; code: string; status: string }[] }>(
    '{ clinics { id code status } }',
  );
  const ids = new Map(existing.clinics.map((clinic) => [clinic.code, clinic.id]));
  for (const clinic of DEMO_CLINICS) {
    let id = ids.get(clinic.code);
    if (id === undefined) {
      const opened = await call<{ openClinic: { id: string } }>(
        'mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { id } }',
        {
          input: {
            code: clinic.code,
            name: clinic.name,
            timezone: clinic.timezone,
            address: clinic.address,
            openingHours: DEMO_OPENING_HOURS,
            rooms: clinic.rooms,
          },
        },
      );
      id = opened.openClinic.id;
      ids.set(clinic.code, id);
      log(`[seed] opened clinic ${clinic.code} ${clinic.name}`);
    }
    if (existing.clinics.find((c) => c.code === clinic.code)?.status !== 'active') {
      await call(
        'mutation Activate($input: ChangeClinicStatusInput!) { changeClinicStatus(input: $input) { id } }',
        {
          input: { clinicId: id, status: 'active' },
        },
      );
    }
  }
  return ids;
}

async function addTherapist(
  call: GraphqlCall,
  therapist: DemoTherapist,
  clinicIds: Map<string, string>,
): Promise<string> {
  const added = await call<{ addTherapist: { id: string } }>(
    'mutation Add($input: AddTherapistInput!) { addTherapist(input: $input) { id } }',
    {
      input: {
        givenName: therapist.givenName,
        familyName: therapist.familyName,
        email: demoEmail(therapist),
        phone: '0113 496 0000',
        profession: therapist.profession,
        hcpcNumber: therapist.hcpcNumber ?? null,
        specialties: therapist.specialties,
        clinicIds: Object.keys(therapist.week).map((code) => clinicIds.get(code)),
      },
    },
  );
  return added.addTherapist.id;
}

/**
 * Everyone holds PNF level 1; physiotherapists their HCPC registration; the first
 * therapist's first-aid certificate expires within 30 days and the fourth's has expired,
 * so the expiry job has something to warn about.
 */
async function seedCertifications(
  call: GraphqlCall,
  therapistId: string,
  therapist: DemoTherapist,
  index: number,
  held: { type: string }[],
  today: Date,
): Promise<void> {
  const wanted: { type: string; issuedOn: string; expiresOn: string | null }[] = [
    { type: 'pnf_level_1', issuedOn: dayOffset(today, -400), expiresOn: dayOffset(today, 700) },
  ];
  if (therapist.profession === 'physiotherapist') {
    wanted.push({
      type: 'hcpc_registration',
      issuedOn: dayOffset(today, -300),
      expiresOn: dayOffset(today, 430),
    });
  }
  if (index === 0) {
    wanted.push({
      type: 'first_aid',
      issuedOn: dayOffset(today, -1075),
      expiresOn: dayOffset(today, 20),
    });
  }
  if (index === 3) {
    wanted.push({
      type: 'first_aid',
      issuedOn: dayOffset(today, -1105),
      expiresOn: dayOffset(today, -10),
    });
  }
  for (const certification of wanted.filter((w) => !held.some((h) => h.type === w.type))) {
    const recorded = await call<{ recordCertification: { id: string } }>(
      'mutation Record($input: RecordCertificationInput!) { recordCertification(input: $input) { id } }',
      {
        input: {
          therapistId,
          ...certification,
          evidenceReference: `DEMO-${certification.type.toUpperCase()}`,
        },
      },
    );
    await call('mutation Verify($id: ID!) { verifyCertification(id: $id) { id } }', {
      id: recorded.recordCertification.id,
    });
  }
}

async function seedWorkingWeek(
  call: GraphqlCall,
  therapistId: string,
  therapist: DemoTherapist,
  clinicIds: Map<string, string>,
  today: Date,
): Promise<void> {
  for (const [code, week] of Object.entries(therapist.week)) {
    const clinicId = clinicIds.get(code);
    const pattern = await call<{ workingPattern: { shifts: unknown[] } }>(
      'query Pattern($t: ID!, $c: ID!) { workingPattern(therapistId: $t, clinicId: $c) { shifts { weekday } } }',
      { t: therapistId, c: clinicId },
    );
    if (pattern.workingPattern.shifts.length > 0) {
      continue;
    }
    await call(
      'mutation Pattern($input: SetWorkingPatternInput!) { setWorkingPattern(input: $input) { therapistId } }',
      {
        input: {
          therapistId,
          clinicId,
          effectiveFrom: dayOffset(today, 0),
          shifts: week.days.map((weekday) => ({ weekday, start: week.start, end: week.end })),
        },
      },
    );
  }
}

/** Grace's approved week of holiday, Sophie's approved training morning, Ravi's pending request. */
async function seedTimeOff(call: GraphqlCall, today: Date): Promise<void> {
  const people = await call<{
    therapists: { edges: { node: { id: string; email: string | null } }[] };
  }>('{ therapists(first: 100) { edges { node { id email } } } }');
  const idOf = (givenName: string, familyName: string): string | undefined =>
    people.therapists.edges.find(({ node }) => node.email === demoEmail({ givenName, familyName }))
      ?.node.id;
  const requests = [
    {
      who: idOf('Grace', 'Okafor'),
      approve: true,
      input: { kind: 'holiday', startDate: dayOffset(today, 14), endDate: dayOffset(today, 18) },
    },
    {
      who: idOf('Sophie', 'Brennan'),
      approve: true,
      input: {
        kind: 'training',
        startDate: dayOffset(today, 7),
        startTime: '08:30',
        endDate: dayOffset(today, 7),
        endTime: '12:30',
      },
    },
    {
      who: idOf('Ravi', 'Patel'),
      approve: false,
      input: { kind: 'holiday', startDate: dayOffset(today, 28), endDate: dayOffset(today, 29) },
    },
  ];
  for (const request of requests) {
    if (request.who === undefined) {
      continue;
    }
    const existing = await call<{ therapistTimeOff: unknown[] }>(
      'query Off($t: ID!) { therapistTimeOff(therapistId: $t) { id } }',
      { t: request.who },
    );
    if (existing.therapistTimeOff.length > 0) {
      continue;
    }
    const requested = await call<{ requestTimeOff: { id: string } }>(
      'mutation Request($input: RequestTimeOffInput!) { requestTimeOff(input: $input) { id } }',
      { input: { therapistId: request.who, ...request.input } },
    );
    if (request.approve) {
      await call('mutation Approve($id: ID!) { approveTimeOff(id: $id) { id } }', {
        id: requested.requestTimeOff.id,
      });
    }
  }
}

import { randomUUID } from 'node:crypto';
import { envelopeSchema, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { TherapistRosterModule } from '../therapist-roster.module';
import { therapistRosterDefinition } from '../therapist-roster.definition';

const SET_PATTERN = `mutation Set($input: SetWorkingPatternInput!) {
  setWorkingPattern(input: $input) {
    therapistId clinicId timezone
    shifts { id weekday start end effectiveFrom effectiveTo }
  }
}`;
const REQUEST = `mutation Req($input: RequestTimeOffInput!) {
  requestTimeOff(input: $input) { id therapistId kind status startsAt endsAt note }
}`;
const DECIDE = (name: string): string =>
  `mutation Decide($id: ID!) { ${name}(id: $id) { id status startsAt endsAt } }`;
const ROSTER = `query Roster($clinicId: ID!, $from: String!, $to: String!) {
  roster(clinicId: $clinicId, from: $from, to: $to) {
    clinicId timezone from to
    shifts { therapistId date weekday localStart localEnd startsAt endsAt minutes }
  }
}`;
const MY_ROSTER = `query Mine($from: String!, $to: String!) {
  myRoster(from: $from, to: $to) { shifts { clinicId date localStart localEnd startsAt endsAt } }
}`;

const day = (start: string, end: string) => [{ start, end }];
const WEEK = {
  monday: day('09:00', '17:00'),
  tuesday: day('09:00', '17:00'),
  wednesday: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  thursday: day('09:00', '17:00'),
  friday: day('09:00', '17:00'),
  saturday: day('09:00', '13:00'),
  sunday: day('09:00', '17:00'),
};

interface PatternResult {
  setWorkingPattern: {
    therapistId: string;
    clinicId: string;
    timezone: string;
    shifts: {
      weekday: string;
      start: string;
      end: string;
      effectiveFrom: string;
      effectiveTo: string | null;
    }[];
  };
}
interface TimeOffResult {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
}
interface RosterShiftResult {
  therapistId: string;
  date: string;
  weekday: string;
  localStart: string;
  localEnd: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
}

describe('therapist-roster schedules', () => {
  let app: ServiceTestApp;
  let headOffice: string;

  beforeAll(async () => {
    app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot, {
      watchTopics: [TOPICS.roster],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
  });

  afterAll(async () => {
    await app.close();
  });

  /** Factories: one line builds a valid clinic or therapist through the public API. */
  const make = {
    clinic: async (
      options: {
        name?: string;
        exceptions?: { date: string; ranges: { start: string; end: string }[]; reason: string }[];
      } = {},
    ): Promise<string> => {
      const result = await app.gql<{ openClinic: { id: string } }>(
        'mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { id } }',
        {
          input: {
            code: `S${randomUUID().slice(0, 6).toUpperCase()}`,
            name: options.name ?? 'Leeds',
            timezone: 'Europe/London',
            openingHours: WEEK,
            hoursExceptions: options.exceptions ?? [],
          },
        },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      return result.data?.openClinic.id ?? '';
    },
    therapist: async (clinicIds: string[], givenName = 'Ada'): Promise<string> => {
      const result = await app.gql<{ addTherapist: { id: string } }>(
        'mutation Add($input: AddTherapistInput!) { addTherapist(input: $input) { id } }',
        {
          input: {
            givenName,
            familyName: 'Lovelace',
            email: `${randomUUID()}@example.com`,
            profession: 'sports_therapist',
            clinicIds,
          },
        },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      return result.data?.addTherapist.id ?? '';
    },
  };

  const manager = (clinicId: string): Promise<string> =>
    app.token({ role: 'clinic_manager', clinicIds: [clinicId] });
  const therapistToken = (therapistId: string, clinicId: string): Promise<string> =>
    app.token({ role: 'therapist', clinicIds: [clinicId], therapistId });

  async function setPattern(
    token: string,
    input: {
      therapistId: string;
      clinicId: string;
      effectiveFrom: string;
      effectiveTo?: string;
      shifts: { weekday: string; start: string; end: string }[];
    },
  ) {
    return app.gql<PatternResult>(SET_PATTERN, { input }, token);
  }

  /** Rows this therapist has: pattern shifts, time off and schedule events in the outbox. */
  async function footprint(
    therapistId: string,
  ): Promise<{ shifts: number; timeOff: number; events: number }> {
    const [row] = await app.dataSource.query<
      { shifts: number; time_off: number; events: number }[]
    >(
      `SELECT (SELECT count(*) FROM working_pattern_shift WHERE therapist_id = $1)::int AS shifts,
              (SELECT count(*) FROM time_off WHERE therapist_id = $1)::int AS time_off,
              (SELECT count(*) FROM outbox WHERE message_key = $1::text
                 AND event_type IN ('working_pattern.changed', 'time_off.approved', 'time_off.cancelled'))::int AS events`,
      [therapistId],
    );
    return { shifts: row?.shifts ?? -1, timeOff: row?.time_off ?? -1, events: row?.events ?? -1 };
  }

  const codes = (result: { errors?: { extensions?: { code?: string } }[] }) =>
    result.errors?.map((e) => e.extensions?.code);

  describe('setWorkingPattern', () => {
    it("sets a therapist's pattern and publishes the full pattern with timezone and dates", async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const result = await setPattern(await manager(leeds), {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-05',
        shifts: [
          { weekday: 'monday', start: '09:00', end: '17:00' },
          { weekday: 'wednesday', start: '13:00', end: '17:00' },
        ],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.setWorkingPattern).toMatchObject({
        therapistId: ada,
        clinicId: leeds,
        timezone: 'Europe/London',
        shifts: [
          {
            weekday: 'monday',
            start: '09:00',
            end: '17:00',
            effectiveFrom: '2026-01-05',
            effectiveTo: null,
          },
          {
            weekday: 'wednesday',
            start: '13:00',
            end: '17:00',
            effectiveFrom: '2026-01-05',
            effectiveTo: null,
          },
        ],
      });

      const event = await app.event('working_pattern.changed', (e) => e.aggregateId === ada);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event).toMatchObject({
        clinicId: leeds,
        actor: { type: 'user', role: 'clinic_manager' },
        data: {
          therapistId: ada,
          clinicId: leeds,
          timezone: 'Europe/London',
          changedFrom: '2026-01-05',
          shifts: [
            {
              weekday: 'monday',
              start: '09:00',
              end: '17:00',
              effectiveFrom: '2026-01-05',
              effectiveTo: null,
            },
            {
              weekday: 'wednesday',
              start: '13:00',
              end: '17:00',
              effectiveFrom: '2026-01-05',
              effectiveTo: null,
            },
          ],
        },
      });
    });

    it('replaces the pattern from a later date, ending the earlier one the day before', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-05',
        shifts: [{ weekday: 'monday', start: '09:00', end: '17:00' }],
      });
      const result = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-06-01',
        effectiveTo: '2026-12-31',
        shifts: [{ weekday: 'tuesday', start: '10:00', end: '14:00' }],
      });
      expect(result.errors).toBeUndefined();
      const expected = [
        {
          weekday: 'monday',
          start: '09:00',
          end: '17:00',
          effectiveFrom: '2026-01-05',
          effectiveTo: '2026-05-31',
        },
        {
          weekday: 'tuesday',
          start: '10:00',
          end: '14:00',
          effectiveFrom: '2026-06-01',
          effectiveTo: '2026-12-31',
        },
      ];
      expect(result.data?.setWorkingPattern.shifts).toMatchObject(expected);
      const event = await app.event(
        'working_pattern.changed',
        (e) =>
          e.aggregateId === ada && (e.data as { changedFrom: string }).changedFrom === '2026-06-01',
      );
      expect((event.data as { shifts: unknown[] }).shifts).toMatchObject(expected);
    });

    it.each([
      ['the manager of another clinic', async (_leeds: string, york: string) => manager(york)],
      [
        'a receptionist of the clinic',
        async (leeds: string) => app.token({ role: 'receptionist', clinicIds: [leeds] }),
      ],
      [
        'the therapist themself',
        async (leeds: string, _york: string, ada: string) => therapistToken(ada, leeds),
      ],
      ['the clinical lead', async () => app.token({ role: 'clinical_lead' })],
    ])('refuses %s with FORBIDDEN and writes nothing', async (_who, tokenFor) => {
      const leeds = await make.clinic();
      const york = await make.clinic({ name: 'York' });
      const ada = await make.therapist([leeds]);
      const result = await setPattern(await tokenFor(leeds, york, ada), {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-05',
        shifts: [{ weekday: 'monday', start: '09:00', end: '17:00' }],
      });
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(await footprint(ada)).toMatchObject({ shifts: 0, events: 0 });
    });

    it('refuses a shift that starts before the clinic opens, saying who, where, when and the hours', async () => {
      const leeds = await make.clinic({ name: 'Leeds' });
      const ada = await make.therapist([leeds], 'Grace');
      const result = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-05',
        shifts: [{ weekday: 'monday', start: '08:00', end: '12:00' }],
      });
      expect(codes(result)).toEqual(['SHIFT_OUTSIDE_OPENING_HOURS']);
      expect(result.errors?.[0]?.message).toContain(
        'therapist Grace Lovelace: shift 08:00–12:00 on monday at Leeds starts before the clinic opens (09:00)',
      );
      expect(await footprint(ada)).toMatchObject({ shifts: 0, events: 0 });
    });

    it.each([
      [
        'an end before the start',
        { shifts: [{ weekday: 'monday', start: '17:00', end: '09:00' }] },
        'SHIFT_END_BEFORE_START',
      ],
      [
        'a malformed time',
        { shifts: [{ weekday: 'monday', start: '9am', end: '17:00' }] },
        'INVALID_SHIFT_TIME',
      ],
      [
        'a shift across the lunch closure',
        { shifts: [{ weekday: 'wednesday', start: '10:00', end: '14:00' }] },
        'SHIFT_OUTSIDE_OPENING_HOURS',
      ],
      [
        'two overlapping shifts',
        {
          shifts: [
            { weekday: 'monday', start: '09:00', end: '13:00' },
            { weekday: 'monday', start: '12:00', end: '17:00' },
          ],
        },
        'SHIFT_OVERLAP',
      ],
      ['a malformed date', { effectiveFrom: '2026-02-30' }, 'INVALID_DATE'],
      ['an end date before the start date', { effectiveTo: '2025-12-31' }, 'INVALID_DATE_RANGE'],
    ])('refuses %s and writes nothing', async (_case, override, code) => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const result = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-05',
        shifts: [{ weekday: 'monday', start: '09:00', end: '17:00' }],
        ...override,
      });
      expect(codes(result)).toEqual([code]);
      expect(await footprint(ada)).toMatchObject({ shifts: 0, events: 0 });
    });

    it("refuses a shift too close to the therapist's shift at another clinic (travel time)", async () => {
      const leeds = await make.clinic({ name: 'Leeds' });
      const york = await make.clinic({ name: 'York' });
      const ada = await make.therapist([leeds, york]);
      await setPattern(headOffice, {
        therapistId: ada,
        clinicId: york,
        effectiveFrom: '2026-01-01',
        shifts: [{ weekday: 'monday', start: '13:00', end: '17:00' }],
      });
      const before = await footprint(ada);
      const result = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-03-02',
        shifts: [{ weekday: 'monday', start: '09:00', end: '12:45' }],
      });
      expect(codes(result)).toEqual(['SHIFT_OVERLAP']);
      expect(result.errors?.[0]?.message).toContain('less than 30 minutes to travel');
      expect(result.errors?.[0]?.message).toContain('at York');
      expect(await footprint(ada)).toEqual(before);

      const allowed = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-03-02',
        shifts: [{ weekday: 'monday', start: '09:00', end: '12:30' }],
      });
      expect(allowed.errors).toBeUndefined();
    });

    it('refuses a therapist who does not work at the clinic, and an unknown clinic', async () => {
      const leeds = await make.clinic();
      const york = await make.clinic({ name: 'York' });
      const ada = await make.therapist([york]);
      const notThere = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-05',
        shifts: [],
      });
      expect(codes(notThere)).toEqual(['THERAPIST_NOT_AT_CLINIC']);
      const unknown = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: randomUUID(),
        effectiveFrom: '2026-01-05',
        shifts: [],
      });
      expect(codes(unknown)).toEqual(['CLINIC_NOT_FOUND']);
      const unknownTherapist = await setPattern(headOffice, {
        therapistId: randomUUID(),
        clinicId: leeds,
        effectiveFrom: '2026-01-05',
        shifts: [],
      });
      expect(codes(unknownTherapist)).toEqual(['THERAPIST_NOT_FOUND']);
      expect(await footprint(ada)).toMatchObject({ shifts: 0, events: 0 });
    });
  });

  describe('time off', () => {
    async function requestAfternoon(
      token: string,
      therapistId: string,
      note: string | null = null,
    ) {
      return app.gql<{ requestTimeOff: TimeOffResult }>(
        REQUEST,
        {
          input: {
            therapistId,
            kind: 'sickness',
            startDate: '2026-07-06',
            startTime: '13:00',
            endDate: '2026-07-06',
            endTime: '17:00',
            note,
          },
        },
        token,
      );
    }

    it('lets a therapist request their own partial day, publishing nothing until approved', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const result = await requestAfternoon(
        await therapistToken(ada, leeds),
        ada,
        'physio appointment',
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.requestTimeOff).toMatchObject({
        status: 'requested',
        startsAt: '2026-07-06T12:00:00.000Z',
        endsAt: '2026-07-06T16:00:00.000Z',
        note: 'physio appointment',
      });
      expect(await footprint(ada)).toMatchObject({ timeOff: 1, events: 0 });
    });

    it.each([
      ['another therapist', async (leeds: string) => therapistToken(randomUUID(), leeds)],
      ['the manager of another clinic', async (_leeds: string, york: string) => manager(york)],
      [
        'a receptionist',
        async (leeds: string) => app.token({ role: 'receptionist', clinicIds: [leeds] }),
      ],
    ])('refuses a request made by %s and writes nothing', async (_who, tokenFor) => {
      const leeds = await make.clinic();
      const york = await make.clinic({ name: 'York' });
      const ada = await make.therapist([leeds]);
      const result = await requestAfternoon(await tokenFor(leeds, york), ada);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(await footprint(ada)).toMatchObject({ timeOff: 0 });
    });

    it.each([
      ['an end before the start', { startDate: '2026-07-07', endDate: '2026-07-06' }],
      [
        'both instants and dates',
        {
          startsAt: '2026-07-06T09:00:00Z',
          endsAt: '2026-07-06T10:00:00Z',
          startDate: '2026-07-06',
          endDate: '2026-07-06',
        },
      ],
      ['a malformed time', { startDate: '2026-07-06', startTime: '1pm', endDate: '2026-07-06' }],
    ])('refuses %s with INVALID_TIME_OFF_PERIOD and writes nothing', async (_case, period) => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const result = await app.gql(
        REQUEST,
        { input: { therapistId: ada, kind: 'holiday', ...period } },
        headOffice,
      );
      expect(codes(result)).toEqual(['INVALID_TIME_OFF_PERIOD']);
      expect(await footprint(ada)).toMatchObject({ timeOff: 0 });
    });

    it('approves: publishes time_off.approved with the UTC period, clinic ids and kind, never the note', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const requested = await requestAfternoon(await therapistToken(ada, leeds), ada, 'migraine');
      const id = requested.data?.requestTimeOff.id ?? '';

      const approved = await app.gql<{ approveTimeOff: TimeOffResult }>(
        DECIDE('approveTimeOff'),
        { id },
        await manager(leeds),
      );
      expect(approved.errors).toBeUndefined();
      expect(approved.data?.approveTimeOff.status).toBe('approved');

      const event = await app.event('time_off.approved', (e) => e.aggregateId === ada);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event.data).toEqual({
        timeOffId: id,
        therapistId: ada,
        clinicIds: [leeds],
        kind: 'sickness',
        startsAt: '2026-07-06T12:00:00.000Z',
        endsAt: '2026-07-06T16:00:00.000Z',
      });
      expect(JSON.stringify(event)).not.toContain('migraine');
    });

    it('refuses to approve for another clinic, for the therapist themself, and twice', async () => {
      const leeds = await make.clinic();
      const york = await make.clinic({ name: 'York' });
      const ada = await make.therapist([leeds]);
      const id = (await requestAfternoon(headOffice, ada)).data?.requestTimeOff.id ?? '';

      expect(codes(await app.gql(DECIDE('approveTimeOff'), { id }, await manager(york)))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        codes(await app.gql(DECIDE('approveTimeOff'), { id }, await therapistToken(ada, leeds))),
      ).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(DECIDE('rejectTimeOff'), { id }, await manager(york)))).toEqual([
        'FORBIDDEN',
      ]);
      expect(await footprint(ada)).toMatchObject({ events: 0 });
      const [row] = await app.dataSource.query<{ status: string }[]>(
        'SELECT status FROM time_off WHERE id = $1',
        [id],
      );
      expect(row?.status).toBe('requested');

      await app.gql(DECIDE('approveTimeOff'), { id }, headOffice);
      const again = await app.gql(DECIDE('approveTimeOff'), { id }, headOffice);
      expect(codes(again)).toEqual(['TIME_OFF_TRANSITION_NOT_ALLOWED']);
      expect(again.errors?.[0]?.message).toContain('time off that is approved');
    });

    it('rejects requested time off without publishing, and then refuses to cancel it', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const id = (await requestAfternoon(headOffice, ada)).data?.requestTimeOff.id ?? '';
      const rejected = await app.gql<{ rejectTimeOff: TimeOffResult }>(
        DECIDE('rejectTimeOff'),
        { id },
        await manager(leeds),
      );
      expect(rejected.data?.rejectTimeOff.status).toBe('rejected');
      const cancel = await app.gql(
        DECIDE('cancelTimeOff'),
        { id },
        await therapistToken(ada, leeds),
      );
      expect(codes(cancel)).toEqual(['TIME_OFF_TRANSITION_NOT_ALLOWED']);
      expect(cancel.errors?.[0]?.message).toContain('time off that is rejected');
      expect(await footprint(ada)).toMatchObject({ events: 0 });
    });

    it('lets the therapist cancel approved time off, publishing time_off.cancelled', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const id = (await requestAfternoon(headOffice, ada)).data?.requestTimeOff.id ?? '';
      await app.gql(DECIDE('approveTimeOff'), { id }, headOffice);

      const denied = await app.gql(
        DECIDE('cancelTimeOff'),
        { id },
        await therapistToken(randomUUID(), leeds),
      );
      expect(codes(denied)).toEqual(['FORBIDDEN']);

      const cancelled = await app.gql<{ cancelTimeOff: TimeOffResult }>(
        DECIDE('cancelTimeOff'),
        { id },
        await therapistToken(ada, leeds),
      );
      expect(cancelled.data?.cancelTimeOff.status).toBe('cancelled');
      const event = await app.event('time_off.cancelled', (e) => e.aggregateId === ada);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event.data).toMatchObject({
        timeOffId: id,
        kind: 'sickness',
        clinicIds: [leeds],
        wasApproved: true,
      });
    });

    it('answers an unknown time-off id with TIME_OFF_NOT_FOUND and a malformed one with INVALID_ID', async () => {
      expect(
        codes(await app.gql(DECIDE('approveTimeOff'), { id: randomUUID() }, headOffice)),
      ).toEqual(['TIME_OFF_NOT_FOUND']);
      expect(codes(await app.gql(DECIDE('approveTimeOff'), { id: 'nope' }, headOffice))).toEqual([
        'INVALID_ID',
      ]);
    });
  });

  describe('roster', () => {
    let leeds: string;
    let ada: string;
    let bob: string;

    beforeAll(async () => {
      leeds = await make.clinic({
        exceptions: [{ date: '2026-04-05', ranges: [], reason: 'Easter Sunday' }],
      });
      ada = await make.therapist([leeds], 'Ada');
      bob = await make.therapist([leeds], 'Bob');
      for (const therapistId of [ada, bob]) {
        const result = await setPattern(headOffice, {
          therapistId,
          clinicId: leeds,
          effectiveFrom: '2026-01-01',
          shifts: [
            { weekday: 'sunday', start: '09:00', end: '17:00' },
            { weekday: 'monday', start: '09:00', end: '17:00' },
          ],
        });
        expect(result.errors).toBeUndefined();
      }
    });

    const brief = (s: RosterShiftResult) =>
      `${s.date} ${s.localStart}–${s.localEnd} ${s.startsAt}/${s.endsAt} ${s.minutes}`;

    it('gives local and UTC times across the March clock change (2026-03-29)', async () => {
      const result = await app.gql<{ roster: { timezone: string; shifts: RosterShiftResult[] } }>(
        ROSTER,
        { clinicId: leeds, from: '2026-03-22', to: '2026-03-30' },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.roster.timezone).toBe('Europe/London');
      const adas = (result.data?.roster.shifts ?? [])
        .filter((s) => s.therapistId === ada)
        .map(brief);
      expect(adas).toEqual([
        '2026-03-22 09:00–17:00 2026-03-22T09:00:00.000Z/2026-03-22T17:00:00.000Z 480',
        '2026-03-23 09:00–17:00 2026-03-23T09:00:00.000Z/2026-03-23T17:00:00.000Z 480',
        '2026-03-29 09:00–17:00 2026-03-29T08:00:00.000Z/2026-03-29T16:00:00.000Z 480',
        '2026-03-30 09:00–17:00 2026-03-30T08:00:00.000Z/2026-03-30T16:00:00.000Z 480',
      ]);
    });

    it('gives local and UTC times across the October clock change (2026-10-25)', async () => {
      const result = await app.gql<{ roster: { shifts: RosterShiftResult[] } }>(
        ROSTER,
        { clinicId: leeds, from: '2026-10-25', to: '2026-10-25' },
        headOffice,
      );
      const adas = (result.data?.roster.shifts ?? [])
        .filter((s) => s.therapistId === ada)
        .map(brief);
      expect(adas).toEqual([
        '2026-10-25 09:00–17:00 2026-10-25T09:00:00.000Z/2026-10-25T17:00:00.000Z 480',
      ]);
    });

    it('leaves out a closed bank holiday and cuts approved time off out of shifts', async () => {
      const requested = await app.gql<{ requestTimeOff: TimeOffResult }>(
        REQUEST,
        {
          input: {
            therapistId: bob,
            kind: 'training',
            startDate: '2026-04-06',
            startTime: '11:00',
            endDate: '2026-04-06',
            endTime: '13:00',
          },
        },
        headOffice,
      );
      await app.gql(
        DECIDE('approveTimeOff'),
        { id: requested.data?.requestTimeOff.id },
        headOffice,
      );
      // Requested but not approved: no effect on the roster.
      await app.gql(
        REQUEST,
        {
          input: {
            therapistId: ada,
            kind: 'holiday',
            startDate: '2026-04-06',
            endDate: '2026-04-06',
          },
        },
        headOffice,
      );

      const result = await app.gql<{ roster: { shifts: RosterShiftResult[] } }>(
        ROSTER,
        { clinicId: leeds, from: '2026-04-05', to: '2026-04-06' },
        await app.token({ role: 'receptionist', clinicIds: [leeds] }),
      );
      expect(result.errors).toBeUndefined();
      const shifts = result.data?.roster.shifts ?? [];
      expect(shifts.filter((s) => s.date === '2026-04-05')).toEqual([]);
      expect(
        shifts.filter((s) => s.therapistId === bob).map((s) => `${s.localStart}–${s.localEnd}`),
      ).toEqual(['09:00–11:00', '13:00–17:00']);
      expect(
        shifts.filter((s) => s.therapistId === ada).map((s) => `${s.localStart}–${s.localEnd}`),
      ).toEqual(['09:00–17:00']);
    });

    it('shows a therapist only their own shifts, in the clinic roster and in myRoster', async () => {
      const token = await therapistToken(ada, leeds);
      const clinic = await app.gql<{ roster: { shifts: RosterShiftResult[] } }>(
        ROSTER,
        { clinicId: leeds, from: '2026-03-22', to: '2026-03-23' },
        token,
      );
      expect(new Set(clinic.data?.roster.shifts.map((s) => s.therapistId))).toEqual(new Set([ada]));
      const mine = await app.gql<{ myRoster: { shifts: { clinicId: string; date: string }[] } }>(
        MY_ROSTER,
        { from: '2026-03-22', to: '2026-03-23' },
        token,
      );
      expect(mine.data?.myRoster.shifts.map((s) => `${s.clinicId} ${s.date}`)).toEqual([
        `${leeds} 2026-03-22`,
        `${leeds} 2026-03-23`,
      ]);
    });

    it.each([
      [
        'a receptionist of another clinic',
        () => app.token({ role: 'receptionist', clinicIds: [randomUUID()] }),
      ],
      [
        'a therapist of another clinic',
        () =>
          app.token({ role: 'therapist', clinicIds: [randomUUID()], therapistId: randomUUID() }),
      ],
      [
        'an integrator of the clinic',
        () => app.token({ role: 'integrator', clinicIds: [leeds], scopes: ['events:read'] }),
      ],
    ])('refuses %s with FORBIDDEN', async (_who, tokenFor) => {
      const result = await app.gql(
        ROSTER,
        { clinicId: leeds, from: '2026-03-22', to: '2026-03-23' },
        await tokenFor(),
      );
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.data ?? null).toBeNull();
    });

    it('refuses more than 31 days, and a backwards range', async () => {
      expect(
        codes(
          await app.gql(
            ROSTER,
            { clinicId: leeds, from: '2026-03-01', to: '2026-04-01' },
            headOffice,
          ),
        ),
      ).toEqual(['ROSTER_RANGE_TOO_LONG']);
      expect(
        codes(
          await app.gql(
            ROSTER,
            { clinicId: leeds, from: '2026-03-02', to: '2026-03-01' },
            headOffice,
          ),
        ),
      ).toEqual(['INVALID_DATE_RANGE']);
    });

    it("reads a therapist's pattern for clinic staff and the therapist, not for another therapist", async () => {
      const PATTERN = `query P($t: ID!, $c: ID!) { workingPattern(therapistId: $t, clinicId: $c) { timezone shifts { weekday start end } } }`;
      const receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
      const read = await app.gql<{ workingPattern: { shifts: unknown[] } }>(
        PATTERN,
        { t: ada, c: leeds },
        receptionist,
      );
      expect(read.data?.workingPattern.shifts).toHaveLength(2);
      const own = await app.gql(PATTERN, { t: ada, c: leeds }, await therapistToken(ada, leeds));
      expect(own.errors).toBeUndefined();
      const other = await app.gql(PATTERN, { t: bob, c: leeds }, await therapistToken(ada, leeds));
      expect(codes(other)).toEqual(['FORBIDDEN']);
    });

    it("lists a therapist's time off, with notes, only to them, their managers and head office", async () => {
      const LIST = `query L($t: ID!) { therapistTimeOff(therapistId: $t) { kind status note } }`;
      const mine = await app.gql<{ therapistTimeOff: { kind: string }[] }>(
        LIST,
        { t: bob },
        await therapistToken(bob, leeds),
      );
      expect(mine.data?.therapistTimeOff.map((t) => t.kind)).toEqual(['training']);
      expect(codes(await app.gql(LIST, { t: bob }, await therapistToken(ada, leeds)))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        codes(
          await app.gql(
            LIST,
            { t: bob },
            await app.token({ role: 'receptionist', clinicIds: [leeds] }),
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(codes(await app.gql(LIST, { t: bob }, await manager(randomUUID())))).toEqual([
        'FORBIDDEN',
      ]);
    });

    it('refuses myRoster to anyone but a therapist', async () => {
      expect(
        codes(await app.gql(MY_ROSTER, { from: '2026-03-22', to: '2026-03-23' }, headOffice)),
      ).toEqual(['FORBIDDEN']);
    });
  });
  describe('who still works where, and when the clinic is open', () => {
    const gql = {
      unassign: `mutation U($t: ID!, $c: ID!) { unassignTherapistFromClinic(therapistId: $t, clinicId: $c) { id } }`,
      left: `mutation L($id: ID!, $on: String) { markTherapistLeft(id: $id, leftOn: $on) { id } }`,
      hours: `mutation H($input: SetOpeningHoursInput!) { setOpeningHours(input: $input) { id } }`,
      status: `mutation S($input: ChangeClinicStatusInput!) { changeClinicStatus(input: $input) { id status } }`,
      address: `mutation A($input: UpdateClinicInput!) { updateClinic(input: $input) { id } }`,
    };
    const MONDAY_NINE_TO_FIVE = [{ weekday: 'monday', start: '09:00', end: '17:00' }];

    async function run(query: string, variables: Record<string, unknown>): Promise<void> {
      const result = await app.gql(query, variables, headOffice);
      expect(result.errors).toBeUndefined();
    }
    async function rosterOf(clinicId: string, from: string, to: string) {
      const result = await app.gql<{ roster: { shifts: RosterShiftResult[] } }>(
        ROSTER,
        { clinicId, from, to },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      return result.data?.roster.shifts ?? [];
    }
    async function myRosterOf(therapistId: string, clinicId: string, from: string, to: string) {
      const result = await app.gql<{
        myRoster: { shifts: { clinicId: string; date: string; localStart: string }[] };
      }>(MY_ROSTER, { from, to }, await therapistToken(therapistId, clinicId));
      expect(result.errors).toBeUndefined();
      return result.data?.myRoster.shifts ?? [];
    }
    /** Waits (up to 3 s) until some session is blocked on a row lock. */
    async function someoneWaitsOnALock(): Promise<void> {
      for (let attempt = 0; attempt < 60; attempt += 1) {
        const [row] = await app.dataSource.query<{ waiting: number }[]>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if ((row?.waiting ?? 0) > 0) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    it('leaves shifts at a clinic the therapist was unassigned from out of rosters and clash checks', async () => {
      const leeds = await make.clinic({ name: 'Leeds' });
      const york = await make.clinic({ name: 'York' });
      const ada = await make.therapist([leeds, york]);
      await setPattern(headOffice, {
        therapistId: ada,
        clinicId: york,
        effectiveFrom: '2026-01-01',
        shifts: [{ weekday: 'monday', start: '13:00', end: '17:00' }],
      });
      expect((await rosterOf(york, '2026-03-02', '2026-03-02')).length).toBe(1);
      await run(gql.unassign, { t: ada, c: york });

      expect(await rosterOf(york, '2026-03-02', '2026-03-02')).toEqual([]);
      expect(await myRosterOf(ada, leeds, '2026-03-02', '2026-03-02')).toEqual([]);
      const result = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-03-02',
        shifts: [{ weekday: 'monday', start: '09:00', end: '12:45' }],
      });
      expect(result.errors).toBeUndefined();
    });

    it('leaves out shifts from the day a therapist left, and refuses their pattern and time off', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-01',
        shifts: MONDAY_NINE_TO_FIVE,
      });
      const requested = await app.gql<{ requestTimeOff: TimeOffResult }>(
        REQUEST,
        {
          input: {
            therapistId: ada,
            kind: 'holiday',
            startDate: '2026-03-16',
            endDate: '2026-03-16',
          },
        },
        headOffice,
      );
      expect(requested.errors).toBeUndefined();
      await run(gql.left, { id: ada, on: '2026-03-09' });

      expect((await rosterOf(leeds, '2026-03-02', '2026-03-16')).map((s) => s.date)).toEqual([
        '2026-03-02',
      ]);
      expect((await myRosterOf(ada, leeds, '2026-03-02', '2026-03-16')).map((s) => s.date)).toEqual(
        ['2026-03-02'],
      );
      const before = await footprint(ada);
      const pattern = await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-04-06',
        shifts: MONDAY_NINE_TO_FIVE,
      });
      expect(codes(pattern)).toEqual(['THERAPIST_HAS_LEFT']);
      const approved = await app.gql(
        DECIDE('approveTimeOff'),
        { id: requested.data?.requestTimeOff.id },
        headOffice,
      );
      expect(codes(approved)).toEqual(['THERAPIST_HAS_LEFT']);
      expect(approved.errors?.[0]?.message).toContain('has left');
      expect(await footprint(ada)).toEqual(before);
    });

    it('cuts roster shifts to weekly hours that were narrowed after the pattern was set', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      await setPattern(headOffice, {
        therapistId: ada,
        clinicId: leeds,
        effectiveFrom: '2026-01-01',
        shifts: MONDAY_NINE_TO_FIVE,
      });
      await run(gql.hours, {
        input: { clinicId: leeds, openingHours: { ...WEEK, monday: day('09:00', '13:00') } },
      });
      expect(
        (await rosterOf(leeds, '2026-03-02', '2026-03-02')).map(
          (s) => `${s.localStart}–${s.localEnd}`,
        ),
      ).toEqual(['09:00–13:00']);
    });

    it('refuses a pattern at a suspended or a closed clinic, saying its status', async () => {
      const leeds = await make.clinic({ name: 'Leeds' });
      const ada = await make.therapist([leeds]);
      await run(gql.address, {
        input: {
          clinicId: leeds,
          address: { line1: '1 Park Row', city: 'Leeds', postcode: 'LS1 5AB' },
        },
      });
      await run(gql.status, { input: { clinicId: leeds, status: 'active' } });
      for (const status of ['suspended', 'closed']) {
        await run(gql.status, { input: { clinicId: leeds, status } });
        const result = await setPattern(headOffice, {
          therapistId: ada,
          clinicId: leeds,
          effectiveFrom: '2026-01-05',
          shifts: MONDAY_NINE_TO_FIVE,
        });
        expect(codes(result)).toEqual(['CLINIC_NOT_SCHEDULABLE']);
        expect(result.errors?.[0]?.message).toContain(`Leeds is ${status}`);
      }
      expect(await footprint(ada)).toMatchObject({ shifts: 0, events: 0 });
    });

    it('checks against opening hours narrowed while it waited for the clinic lock', async () => {
      const leeds = await make.clinic();
      const ada = await make.therapist([leeds]);
      const runner = app.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`SELECT id FROM clinic WHERE id = $1 FOR UPDATE`, [leeds]);
        await runner.query(
          `UPDATE clinic SET weekly_hours = jsonb_set(weekly_hours, '{monday}', $2::jsonb) WHERE id = $1`,
          [leeds, JSON.stringify(day('09:00', '13:00'))],
        );
        const pending = setPattern(headOffice, {
          therapistId: ada,
          clinicId: leeds,
          effectiveFrom: '2026-01-05',
          shifts: MONDAY_NINE_TO_FIVE,
        });
        await someoneWaitsOnALock();
        await runner.commitTransaction();
        expect(codes(await pending)).toEqual(['SHIFT_OUTSIDE_OPENING_HOURS']);
      } finally {
        await runner.release();
      }
      expect(await footprint(ada)).toMatchObject({ shifts: 0, events: 0 });
    });

    it('checks against an unassignment committed while it waited for the therapist lock', async () => {
      const leeds = await make.clinic({ name: 'Leeds' });
      const york = await make.clinic({ name: 'York' });
      const ada = await make.therapist([leeds, york]);
      const runner = app.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        await runner.query(`SELECT id FROM therapist WHERE id = $1 FOR UPDATE`, [ada]);
        await runner.query(
          `DELETE FROM therapist_clinic WHERE therapist_id = $1 AND clinic_id = $2`,
          [ada, york],
        );
        const pending = setPattern(headOffice, {
          therapistId: ada,
          clinicId: york,
          effectiveFrom: '2026-01-05',
          shifts: MONDAY_NINE_TO_FIVE,
        });
        await someoneWaitsOnALock();
        await runner.commitTransaction();
        expect(codes(await pending)).toEqual(['THERAPIST_NOT_AT_CLINIC']);
      } finally {
        await runner.release();
      }
      expect(await footprint(ada)).toMatchObject({ shifts: 0, events: 0 });
    });
  });
});

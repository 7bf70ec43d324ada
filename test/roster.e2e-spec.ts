import { randomUUID } from 'node:crypto';
import { DEMO_OPENING_HOURS } from '@app/launcher';
import { errorCodes, gql, RunningPlatform, startPlatform } from './support/running-platform';

interface Shift {
  therapistId: string;
  date: string;
  localStart: string;
  localEnd: string;
  startsAt: string;
  endsAt: string;
}

const ROSTER = `query Roster($clinicId: ID!, $from: String!, $to: String!) {
  roster(clinicId: $clinicId, from: $from, to: $to) { timezone shifts { therapistId date localStart localEnd startsAt endsAt } }
}`;

/**
 * The therapist-roster service through the gateway, as head office, a clinic manager of
 * another clinic and a therapist would use it, across the March 2027 clock change
 * (Europe/London moves from GMT to BST on Sunday 28 March 2027).
 */
describe('the roster through the gateway', () => {
  let platform: RunningPlatform;
  let headOffice: string;
  let leedsId: string;
  let yorkId: string;
  let therapistId: string;

  async function must<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<T> {
    const response = await gql<T>(platform.gatewayUrl, query, { token, variables });
    expect(response.errors).toBeUndefined();
    if (response.data === undefined || response.data === null) {
      throw new Error('no data');
    }
    return response.data;
  }

  async function openClinic(name: string): Promise<string> {
    const data = await must<{ openClinic: { id: string } }>(
      'mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { id } }',
      {
        input: {
          code: `R${randomUUID().slice(0, 6).toUpperCase()}`,
          name,
          timezone: 'Europe/London',
          address: { line1: '1 Test Street', city: name, postcode: 'LS1 5HD' },
          openingHours: DEMO_OPENING_HOURS,
          rooms: ['Room 1'],
        },
      },
      headOffice,
    );
    return data.openClinic.id;
  }

  beforeAll(async () => {
    platform = await startPlatform();
    headOffice = await platform.token({ role: 'head_office_admin' });
    leedsId = await openClinic('Leeds');
    yorkId = await openClinic('York');
    const added = await must<{ addTherapist: { id: string } }>(
      'mutation Add($input: AddTherapistInput!) { addTherapist(input: $input) { id } }',
      {
        input: {
          givenName: 'Amira',
          familyName: `Khan-${randomUUID().slice(0, 4)}`,
          email: `amira.${randomUUID().slice(0, 8)}@example.co.uk`,
          profession: 'physiotherapist',
          hcpcNumber: `PH${String(Math.floor(100000 + Math.random() * 899999))}`,
          specialties: ['lower_back_pain'],
          clinicIds: [leedsId],
        },
      },
      headOffice,
    );
    therapistId = added.addTherapist.id;
    await must(
      'mutation Pattern($input: SetWorkingPatternInput!) { setWorkingPattern(input: $input) { therapistId } }',
      {
        input: {
          therapistId,
          clinicId: leedsId,
          effectiveFrom: '2027-03-01',
          shifts: [
            { weekday: 'friday', start: '09:00', end: '17:00' },
            { weekday: 'monday', start: '09:00', end: '17:00' },
          ],
        },
      },
      headOffice,
    );
  });

  afterAll(async () => {
    await platform.stop();
  });

  it('gives head office the roster in local time and UTC, right across the clock change', async () => {
    const data = await must<{ roster: { timezone: string; shifts: Shift[] } }>(
      ROSTER,
      { clinicId: leedsId, from: '2027-03-26', to: '2027-03-29' },
      headOffice,
    );
    const mine = data.roster.shifts.filter((s) => s.therapistId === therapistId);
    expect(data.roster.timezone).toBe('Europe/London');
    expect(mine).toEqual([
      expect.objectContaining({
        date: '2027-03-26',
        localStart: '09:00',
        startsAt: '2027-03-26T09:00:00.000Z',
        endsAt: '2027-03-26T17:00:00.000Z',
      }),
      expect.objectContaining({
        date: '2027-03-29',
        localStart: '09:00',
        startsAt: '2027-03-29T08:00:00.000Z',
        endsAt: '2027-03-29T16:00:00.000Z',
      }),
    ]);
  });

  it("refuses a clinic manager of another clinic the roster, and shows them none of the clinic's therapists", async () => {
    const yorkManager = await platform.token({ role: 'clinic_manager', clinicIds: [yorkId] });

    const roster = await gql(platform.gatewayUrl, ROSTER, {
      token: yorkManager,
      variables: { clinicId: leedsId, from: '2027-03-26', to: '2027-03-29' },
    });
    expect(errorCodes(roster)).toEqual(['FORBIDDEN']);

    const therapists = await gql<{ therapists: { edges: unknown[] } }>(
      platform.gatewayUrl,
      'query($clinicId: ID!) { therapists(filter: { clinicId: $clinicId }) { edges { node { id } } } }',
      { token: yorkManager, variables: { clinicId: leedsId } },
    );
    expect(therapists.data?.therapists.edges ?? []).toEqual([]);

    const room = await gql(
      platform.gatewayUrl,
      'mutation($input: AddRoomInput!) { addRoom(input: $input) { id } }',
      {
        token: yorkManager,
        variables: { input: { clinicId: leedsId, name: 'Sneaky room' } },
      },
    );
    expect(errorCodes(room)).toEqual(['FORBIDDEN']);
  });

  it('lets a therapist see their own roster and request their own time off, which the manager approves', async () => {
    const therapist = await platform.token({
      role: 'therapist',
      clinicIds: [leedsId],
      therapistId,
    });
    const own = await must<{ myRoster: { shifts: Shift[] } }>(
      'query($from: String!, $to: String!) { myRoster(from: $from, to: $to) { shifts { therapistId date localStart localEnd startsAt endsAt } } }',
      { from: '2027-03-29', to: '2027-03-29' },
      therapist,
    );
    expect(own.myRoster.shifts.map((s) => [s.date, s.localStart, s.localEnd])).toEqual([
      ['2027-03-29', '09:00', '17:00'],
    ]);

    const requested = await must<{ requestTimeOff: { id: string; status: string } }>(
      'mutation($input: RequestTimeOffInput!) { requestTimeOff(input: $input) { id status } }',
      {
        input: {
          therapistId,
          kind: 'training',
          startDate: '2027-03-29',
          startTime: '09:00',
          endDate: '2027-03-29',
          endTime: '13:00',
        },
      },
      therapist,
    );
    expect(requested.requestTimeOff.status).toBe('requested');

    const selfApproval = await gql(
      platform.gatewayUrl,
      'mutation($id: ID!) { approveTimeOff(id: $id) { id } }',
      {
        token: therapist,
        variables: { id: requested.requestTimeOff.id },
      },
    );
    expect(errorCodes(selfApproval)).toEqual(['FORBIDDEN']);

    const manager = await platform.token({ role: 'clinic_manager', clinicIds: [leedsId] });
    await must(
      'mutation($id: ID!) { approveTimeOff(id: $id) { id } }',
      { id: requested.requestTimeOff.id },
      manager,
    );

    const after = await must<{ roster: { shifts: Shift[] } }>(
      ROSTER,
      { clinicId: leedsId, from: '2027-03-29', to: '2027-03-29' },
      manager,
    );
    expect(
      after.roster.shifts
        .filter((s) => s.therapistId === therapistId)
        .map((s) => [s.localStart, s.localEnd]),
    ).toEqual([['13:00', '17:00']]);
  });
});

import { randomUUID } from 'node:crypto';
import type { GraphqlResult, ServiceTestApp } from '@app/platform/test-support/service-test-app';

/** Everything the Clinic type offers, for queries in tests. */
export const CLINIC_FIELDS = `
  id code name timezone status openedAt
  address { line1 line2 city postcode }
  contact { phone email }
  openingHours {
    monday { start end } tuesday { start end } wednesday { start end } thursday { start end }
    friday { start end } saturday { start end } sunday { start end }
  }
  hoursExceptions { date reason ranges { start end } }
  rooms { id clinicId name status addedAt retiredAt }`;

export interface RangeView {
  start: string;
  end: string;
}

export interface RoomView {
  id: string;
  clinicId: string;
  name: string;
  status: 'active' | 'retired';
  addedAt: string;
  retiredAt: string | null;
}

export interface ClinicView {
  id: string;
  code: string;
  name: string;
  timezone: string;
  status: string;
  openedAt: string;
  address: { line1: string; line2: string | null; city: string; postcode: string } | null;
  contact: { phone: string | null; email: string | null } | null;
  openingHours: Record<string, RangeView[]>;
  hoursExceptions: { date: string; reason: string; ranges: RangeView[] }[];
  rooms: RoomView[];
}

export const WEEKDAY_HOURS = {
  monday: [
    { start: '09:00', end: '13:00' },
    { start: '14:00', end: '19:00' },
  ],
  tuesday: [{ start: '09:00', end: '19:00' }],
  wednesday: [{ start: '09:00', end: '19:00' }],
  thursday: [{ start: '09:00', end: '20:00' }],
  friday: [{ start: '09:00', end: '17:00' }],
  saturday: [{ start: '10:00', end: '14:00' }],
  sunday: [],
};

export const LEEDS_ADDRESS = {
  line1: '1 Park Row',
  line2: 'Floor 2',
  city: 'Leeds',
  postcode: 'LS1 5AB',
};

export function uniqueClinicCode(): string {
  return `T${randomUUID().slice(0, 6).toUpperCase()}`;
}

export function errorCodes(result: GraphqlResult<unknown>): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}

/** Builds clinics through GraphQL as head office: `await make.clinic({ rooms: ['Room 1'] })`. */
export class ClinicFactory {
  constructor(
    private readonly app: ServiceTestApp,
    private readonly headOfficeToken: string,
  ) {}

  async clinic(overrides: Record<string, unknown> = {}): Promise<ClinicView> {
    const result = await this.app.gql<{ openClinic: ClinicView }>(
      `mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { ${CLINIC_FIELDS} } }`,
      {
        input: {
          code: uniqueClinicCode(),
          name: 'Leeds City',
          timezone: 'Europe/London',
          address: LEEDS_ADDRESS,
          openingHours: WEEKDAY_HOURS,
          ...overrides,
        },
      },
      this.headOfficeToken,
    );
    const clinic = result.data?.openClinic;
    if (clinic === undefined) {
      throw new Error(`could not open a test clinic: ${JSON.stringify(result.errors)}`);
    }
    return clinic;
  }

  async status(clinicId: string, status: string): Promise<void> {
    const result = await this.app.gql(
      'mutation($input: ChangeClinicStatusInput!) { changeClinicStatus(input: $input) { id } }',
      { input: { clinicId, status } },
      this.headOfficeToken,
    );
    if (result.errors !== undefined) {
      throw new Error(`could not make the clinic ${status}: ${JSON.stringify(result.errors)}`);
    }
  }
}

/**
 * Everything stored about a clinic (its row, exceptions, rooms) and how many events it has
 * in the outbox: equal before and after a refused mutation means nothing was written.
 */
export async function clinicFootprint(app: ServiceTestApp, clinicId: string): Promise<string> {
  const rows = await app.dataSource.query<{ footprint: unknown }[]>(
    `SELECT json_build_object(
       'clinic', (SELECT row_to_json(c) FROM clinic c WHERE c.id = $1),
       'exceptions', (SELECT json_agg(e ORDER BY e.date) FROM clinic_hours_exception e WHERE e.clinic_id = $1),
       'rooms', (SELECT json_agg(r ORDER BY r.id) FROM clinic_room r WHERE r.clinic_id = $1),
       'events', (SELECT count(*) FROM outbox o WHERE o.message_key = $1::text)
     ) AS footprint`,
    [clinicId],
  );
  return JSON.stringify(rows[0]?.footprint);
}

import type { ServiceTestApp } from '@app/platform/test-support/service-test-app';

/** The booking fields the lifecycle specs read back. */
export const FIELDS = `id status clinicId clientId therapistId roomId treatmentId startsAt endsAt
  localStart localEnd timezone holdExpiresAt pricePence currency cancelledBy lateCancellation
  lateFeePence version`;
export const HOLD = `mutation Hold($input: HoldBookingInput!) { holdBooking(input: $input) { ${FIELDS} } }`;
export const CONFIRM = `mutation Confirm($id: ID!, $key: String!) { confirmBooking(id: $id, idempotencyKey: $key) { ${FIELDS} } }`;
export const RESCHEDULE = `mutation Move($id: ID!, $input: RescheduleBookingInput!, $key: String!) {
  rescheduleBooking(id: $id, input: $input, idempotencyKey: $key) { ${FIELDS} } }`;
export const CANCEL = `mutation Cancel($id: ID!, $key: String!, $reason: CancellationReason) {
  cancelBooking(id: $id, idempotencyKey: $key, reason: $reason) { ${FIELDS} } }`;
export const CHECK_IN = `mutation CheckIn($id: ID!) { checkInBooking(id: $id) { ${FIELDS} } }`;
export const COMPLETE = `mutation Complete($id: ID!) { completeBooking(id: $id) { ${FIELDS} } }`;
export const NO_SHOW = `mutation NoShow($id: ID!) { markNoShow(id: $id) { ${FIELDS} } }`;
export const CLINIC_DIARY = `query D($clinicId: ID!, $from: DateTime!, $to: DateTime!) {
  clinicDiary(clinicId: $clinicId, from: $from, to: $to) { id } }`;
export const THERAPIST_DIARY = `query D($therapistId: ID!, $from: DateTime!, $to: DateTime!) {
  therapistDiary(therapistId: $therapistId, from: $from, to: $to) { id } }`;
export const CLIENT_BOOKINGS = `query C($clientId: ID!) { clientBookings(clientId: $clientId) { id } }`;
export const BOOKING = `query B($id: ID!) { booking(id: $id) { ${FIELDS} } }`;

/** A booking as the GraphQL API returns it (FIELDS). */
export interface BookingView {
  id: string;
  status: string;
  clinicId: string;
  clientId: string;
  therapistId: string;
  roomId: string;
  treatmentId: string;
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  timezone: string;
  holdExpiresAt: string | null;
  pricePence: number;
  currency: string;
  cancelledBy: string | null;
  lateCancellation: boolean | null;
  lateFeePence: number | null;
  version: number;
}

export type GqlError = {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
};

/** The one result field of a request that must succeed. */
export async function gqlOk<T>(
  app: ServiceTestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const res = await app.gql<Record<string, T>>(query, variables, token);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data ?? {})[0];
}

/** The one error of a request that must fail. */
export async function gqlFails(
  app: ServiceTestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<GqlError> {
  const res = await app.gql(query, variables, token);
  expect(res.errors).toHaveLength(1);
  return res.errors![0];
}

/** What a booking request writes: rows in the booking, outbox and idempotency_key tables. */
export interface BookingWriteCounts {
  bookings: number;
  outbox: number;
  keys: number;
}

/**
 * Rows in the booking, outbox and idempotency_key tables of the test app's database: a
 * refused request changes none of them (a key claimed by a failed request is rolled back).
 */
export async function bookingWriteCounts(app: ServiceTestApp): Promise<BookingWriteCounts> {
  const [row] = await app.dataSource.query<BookingWriteCounts[]>(
    `SELECT (SELECT count(*) FROM booking)::int AS bookings,
            (SELECT count(*) FROM outbox)::int AS outbox,
            (SELECT count(*) FROM idempotency_key)::int AS keys`,
  );
  return row;
}

/** The booking's row as stored (snake_case columns). */
export async function bookingRow(
  app: ServiceTestApp,
  id: string,
): Promise<Record<string, unknown>> {
  const [found] = await app.dataSource.query<Record<string, unknown>[]>(
    `SELECT * FROM booking WHERE id = $1`,
    [id],
  );
  return found;
}

/**
 * Moves a booking's slot into the past so it has started (as the clock would): it began
 * `minutesAgo` minutes ago, keeping its length and buffer. Give each booking of one
 * therapist a different `minutesAgo` so the moved slots do not overlap.
 */
export async function startedAlready(
  app: ServiceTestApp,
  id: string,
  minutesAgo: number,
): Promise<void> {
  await app.dataSource.query(
    `UPDATE booking SET starts_at = date_trunc('minute', now()) - make_interval(mins => $2),
       ends_at = date_trunc('minute', now()) - make_interval(mins => $2) + (ends_at - starts_at),
       blocks_until = date_trunc('minute', now()) - make_interval(mins => $2) + (blocks_until - starts_at)
     WHERE id = $1`,
    [id, minutesAgo],
  );
  await app.dataSource.query(
    `UPDATE booking SET
       local_start = to_char(starts_at AT TIME ZONE timezone, 'YYYY-MM-DD"T"HH24:MI'),
       local_end = to_char(ends_at AT TIME ZONE timezone, 'YYYY-MM-DD"T"HH24:MI')
     WHERE id = $1`,
    [id],
  );
}

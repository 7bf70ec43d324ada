import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CareRelationshipStatus } from '../domain/client-scope';

/**
 * Direct inserts for integration tests of contexts that need a client to exist (or a
 * therapist to be booked with them) without going through registration or booking events.
 */
export async function insertTestClient(
  dataSource: DataSource,
  options: {
    readonly clinicIds: readonly string[];
    readonly id?: string;
    readonly givenName?: string;
    readonly familyName?: string;
    readonly dateOfBirth?: string;
    readonly email?: string | null;
  },
): Promise<string> {
  const id = options.id ?? randomUUID();
  await dataSource.query(
    `INSERT INTO client (id, given_name, family_name, date_of_birth, email)
     VALUES ($1, $2, $3, $4, $5)`,
    [
      id,
      options.givenName ?? 'Test',
      options.familyName ?? `Client ${id.slice(0, 8)}`,
      options.dateOfBirth ?? '1980-05-17',
      options.email === undefined ? `${id}@example.test` : options.email,
    ],
  );
  for (const clinicId of options.clinicIds) {
    await dataSource.query('INSERT INTO client_clinic (client_id, clinic_id) VALUES ($1, $2)', [
      id,
      clinicId,
    ]);
  }
  return id;
}

/** Records that `therapistId` is booked to treat (or has treated) the client. */
export async function linkTestTherapist(
  dataSource: DataSource,
  options: {
    readonly clientId: string;
    readonly therapistId: string;
    readonly clinicId: string;
    readonly status?: CareRelationshipStatus;
    readonly bookingId?: string;
    readonly startsAt?: Date;
  },
): Promise<string> {
  const bookingId = options.bookingId ?? randomUUID();
  await dataSource.query(
    `INSERT INTO care_relationship (booking_id, client_id, therapist_id, clinic_id, status, starts_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      bookingId,
      options.clientId,
      options.therapistId,
      options.clinicId,
      options.status ?? 'booked',
      options.startsAt ?? new Date(),
    ],
  );
  return bookingId;
}

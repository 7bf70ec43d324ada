import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import { ClientEntity } from '../clients/client.entity';
import { CareRelationshipEntity } from './care-relationship.entity';
import type { CareRelationshipStatus, ClientScope } from './domain/client-scope';

export interface CareRelationshipRow {
  readonly bookingId: string;
  readonly clientId: string;
  readonly therapistId: string;
  readonly clinicId: string;
  readonly status: CareRelationshipStatus;
  readonly startsAt: Date;
  /** `occurredAt` of the newest booking event applied (null: not known). */
  readonly lastEventAt?: Date | null;
}

/**
 * Where a client stands, for booking events: registered (a client row), erased (personal
 * details removed, clinical records kept), purged (the row deleted at the end of retention;
 * the erasure request stays, with `purged_at`). Neither registered nor purged: never
 * registered here (yet).
 */
export interface ClientLifecycle {
  readonly registered: boolean;
  readonly erased: boolean;
  readonly purged: boolean;
}

/**
 * An event's fields win over the row's unless the row holds a newer event: a NULL on either
 * side (a row from before event times were kept, or a caller without one) lets it through.
 */
const EVENT_IS_NOT_OLDER = `(EXCLUDED.last_event_at IS NULL OR care_relationship.last_event_at IS NULL
  OR EXCLUDED.last_event_at >= care_relationship.last_event_at)`;

function unlessOlder(column: string): string {
  return `${column} = CASE WHEN ${EVENT_IS_NOT_OLDER} THEN EXCLUDED.${column} ELSE care_relationship.${column} END`;
}

/** Reads what access decisions need about a client, and keeps the care relationships. */
@Injectable()
export class ClientScopeRepository {
  /**
   * The client's scope, or undefined when there is no such client. `lock` takes a share
   * lock on the client row so an erasure cannot slip in between the check and a write.
   */
  async scopeOf(tx: Tx, clientId: string, lock = false): Promise<ClientScope | undefined> {
    const query = tx
      .createQueryBuilder(ClientEntity, 'client')
      .select(['client.id', 'client.erasedAt'])
      .where('client.id = :clientId', { clientId });
    const client = await (lock ? query.setLock('pessimistic_read') : query).getOne();
    if (client === null) {
      return undefined;
    }
    const clinics = await tx.query<{ clinic_id: string }[]>(
      'SELECT clinic_id FROM client_clinic WHERE client_id = $1 ORDER BY since',
      [clientId],
    );
    const therapists = await tx.query<{ therapist_id: string }[]>(
      `SELECT DISTINCT therapist_id FROM care_relationship
        WHERE client_id = $1 AND status IN ('booked', 'treated')`,
      [clientId],
    );
    return {
      clientId,
      clinicIds: clinics.map((row) => row.clinic_id),
      careTherapistIds: therapists.map((row) => row.therapist_id),
      erasedAt: client.erasedAt,
    };
  }

  /** Ids of the clients a therapist is booked to treat or has treated. */
  async clientIdsCaredForBy(tx: Tx, therapistId: string): Promise<string[]> {
    const rows = await tx.query<{ client_id: string }[]>(
      `SELECT DISTINCT client_id FROM care_relationship
        WHERE therapist_id = $1 AND status IN ('booked', 'treated')`,
      [therapistId],
    );
    return rows.map((row) => row.client_id);
  }

  async findCareRelationship(tx: Tx, bookingId: string): Promise<CareRelationshipRow | undefined> {
    return (await tx.findOneBy(CareRelationshipEntity, { bookingId })) ?? undefined;
  }

  /**
   * Where the client stands, share-locking (until the transaction ends) their erasure
   * request, then their row: a purge (which claims the request FOR UPDATE) or an erasure
   * (which locks the row FOR UPDATE) waits for the caller's writes, or has committed and is
   * seen. The locks are taken in the purge's order (request, then client), so no deadlock.
   */
  async lifecycleOf(tx: Tx, clientId: string): Promise<ClientLifecycle> {
    const requests = await tx.query<{ purged_at: Date | null }[]>(
      'SELECT purged_at FROM erasure_request WHERE client_id = $1 FOR SHARE',
      [clientId],
    );
    const clients = await tx.query<{ erased_at: Date | null }[]>(
      'SELECT erased_at FROM client WHERE id = $1 FOR SHARE',
      [clientId],
    );
    return {
      registered: clients.length > 0,
      erased: clients.some((client) => client.erased_at !== null),
      purged: requests.some((request) => request.purged_at !== null),
    };
  }

  /**
   * Inserts or updates one booking's link between client and therapist. The status is
   * written as given (the caller applies its own ordering rules); client, therapist, clinic
   * and start change only when `lastEventAt` is not older than the event the row already
   * holds, so an out-of-order event never moves the booking back to a previous therapist.
   */
  async saveCareRelationship(tx: Tx, row: CareRelationshipRow): Promise<void> {
    await tx.query(
      `INSERT INTO care_relationship
         (booking_id, client_id, therapist_id, clinic_id, status, starts_at, last_event_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (booking_id) DO UPDATE SET
         ${unlessOlder('client_id')}, ${unlessOlder('therapist_id')},
         ${unlessOlder('clinic_id')}, ${unlessOlder('starts_at')},
         status = EXCLUDED.status,
         last_event_at = GREATEST(care_relationship.last_event_at, EXCLUDED.last_event_at),
         updated_at = now()`,
      [
        row.bookingId,
        row.clientId,
        row.therapistId,
        row.clinicId,
        row.status,
        row.startsAt,
        row.lastEventAt ?? null,
      ],
    );
  }

  /** Changes only the status of an existing link; false when the booking has none. */
  async updateCareStatus(
    tx: Tx,
    bookingId: string,
    status: CareRelationshipStatus,
    lastEventAt: Date,
  ): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(CareRelationshipEntity)
      .set({
        status,
        lastEventAt: () => 'GREATEST(last_event_at, :lastEventAt)',
        updatedAt: () => 'now()',
      })
      .where('booking_id = :bookingId', { bookingId })
      .setParameter('lastEventAt', lastEventAt)
      .execute();
    return (result.affected ?? 0) > 0;
  }
}

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

  /** Inserts or replaces one booking's link between client and therapist. */
  async saveCareRelationship(tx: Tx, row: CareRelationshipRow): Promise<void> {
    await tx.query(
      `INSERT INTO care_relationship (booking_id, client_id, therapist_id, clinic_id, status, starts_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (booking_id) DO UPDATE SET
         client_id = EXCLUDED.client_id, therapist_id = EXCLUDED.therapist_id,
         clinic_id = EXCLUDED.clinic_id, status = EXCLUDED.status,
         starts_at = EXCLUDED.starts_at, updated_at = now()`,
      [row.bookingId, row.clientId, row.therapistId, row.clinicId, row.status, row.startsAt],
    );
  }
}

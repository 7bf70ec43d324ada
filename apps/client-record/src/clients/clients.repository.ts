import { Injectable } from '@nestjs/common';
import { ClientContactChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import type { ClientListScope } from '../access/domain/client-access';
import type { Address, ClientDetails, EmergencyContact, GpPractice } from './domain/client-details';
import type { Client, ClientClinic, RegistrationChannel } from './domain/client';
import type { ClientSearch } from './domain/client-search';
import { escapeLike } from './domain/client-search';
import type { DuplicateCandidate } from './domain/duplicate-keys';
import type { ClientIdentityProof } from './domain/identity-proof';

export interface NewClientRow extends ClientDetails {
  readonly id: string;
  readonly clinicId: string;
  readonly identitySubject: string | null;
  readonly registeredVia: RegistrationChannel;
  readonly registeredBySubject: string;
  readonly registeredByRole: string;
  readonly registeredAt: Date;
}

/** Whose clients a list may return; a therapist's scope is resolved to their clients' ids. */
export type ClientRowScope =
  | Exclude<ClientListScope, { kind: 'therapist' | 'none' }>
  | { readonly kind: 'ids'; readonly clientIds: readonly string[] };

/**
 * `name`: family name, given name (case-folded), then id. `id`: id only, for callers who
 * may not see names (the order of a name-ordered list would tell them something about names).
 */
export type ClientListOrder = 'name' | 'id';

/** Where a listed client sits in list order (names case-folded, as SQL lower() gives them). */
export interface ClientListPosition {
  readonly id: string;
  readonly familyName: string;
  readonly givenName: string;
}

export interface ClientListQuery {
  readonly scope: ClientRowScope;
  readonly order: ClientListOrder;
  readonly search?: ClientSearch;
  readonly clinicId?: string;
  readonly after?: ClientListPosition;
  readonly limit: number;
}

interface ClientSqlRow {
  id: string;
  given_name: string | null;
  family_name: string | null;
  date_of_birth: string | null;
  email: string | null;
  phone: string | null;
  address: Address | null;
  gp_practice: GpPractice | null;
  emergency_contact: EmergencyContact | null;
  identity_subject: string | null;
  registered_via: RegistrationChannel | null;
  registered_clinic_id: string | null;
  registered_at: Date;
  updated_at: Date;
  erased_at: Date | null;
  version: number;
  clinics: { clinicId: string; since: string }[] | null;
}

const CLIENT_COLUMNS = `c.id, c.given_name, c.family_name, to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
  c.email, c.phone, c.address, c.gp_practice, c.emergency_contact, c.identity_subject,
  c.registered_via, c.registered_clinic_id, c.registered_at, c.updated_at, c.erased_at, c.version,
  (SELECT json_agg(json_build_object('clinicId', cc.clinic_id, 'since', cc.since) ORDER BY cc.since, cc.clinic_id)
     FROM client_clinic cc WHERE cc.client_id = c.id) AS clinics`;

/** The only file of the clients context that talks to the database. */
@Injectable()
export class ClientsRepository {
  /**
   * Serialises registrations and detail changes that could make the same person twice: one
   * transaction-scoped advisory lock per duplicate key, taken in the order given.
   */
  async lockDuplicateKeys(tx: Tx, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    }
  }

  /** Another client (not erased) with the same email, or same name and date of birth. */
  async findLikelyDuplicate(
    tx: Tx,
    details: Pick<ClientDetails, 'givenName' | 'familyName' | 'dateOfBirth' | 'email'>,
    exceptId?: string,
  ): Promise<DuplicateCandidate | undefined> {
    const rows = await tx.query<
      {
        id: string;
        given_name: string | null;
        family_name: string | null;
        date_of_birth: string | null;
        email: string | null;
      }[]
    >(
      `SELECT id, given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, email
         FROM client
        WHERE erased_at IS NULL
          AND ($5::uuid IS NULL OR id <> $5::uuid)
          AND ((lower(email) = lower($1::text))
               OR (lower(given_name) = lower($2) AND lower(family_name) = lower($3)
                   AND date_of_birth = $4::date))
        ORDER BY registered_at, id
        LIMIT 1`,
      [details.email, details.givenName, details.familyName, details.dateOfBirth, exceptId ?? null],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : {
          id: row.id,
          givenName: row.given_name,
          familyName: row.family_name,
          dateOfBirth: row.date_of_birth,
          email: row.email,
        };
  }

  /**
   * Ids (at most `limit`, oldest registration first) of non-erased clients whose date of
   * birth and every other part of `proof` match, compared case-insensitively as duplicate
   * detection does. The caller re-checks the locked row with identityProofMatches.
   */
  async findIdsByIdentity(tx: Tx, proof: ClientIdentityProof, limit: number): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM client
        WHERE erased_at IS NULL
          AND date_of_birth = $1::date
          AND ($2::text IS NULL OR lower(email) = lower($2::text))
          AND ($3::text IS NULL OR (lower(given_name) = lower($3::text)
                                    AND lower(family_name) = lower($4::text)))
        ORDER BY registered_at, id
        LIMIT $5`,
      [
        proof.dateOfBirth,
        proof.email?.trim().replace(/\s+/g, ' ') ?? null,
        proof.name?.givenName.trim().replace(/\s+/g, ' ') ?? null,
        proof.name?.familyName.trim().replace(/\s+/g, ' ') ?? null,
        limit,
      ],
    );
    return rows.map((row) => row.id);
  }

  /** Inserts the client and their first clinic; false when the id is already taken. */
  async insert(tx: Tx, row: NewClientRow): Promise<boolean> {
    const inserted = await tx.query<{ id: string }[]>(
      `INSERT INTO client (id, given_name, family_name, date_of_birth, email, phone, address,
              gp_practice, emergency_contact, identity_subject, registered_via, registered_clinic_id,
              registered_by_subject, registered_by_role, registered_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, 1)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        row.id,
        row.givenName,
        row.familyName,
        row.dateOfBirth,
        row.email,
        row.phone,
        row.address,
        row.gpPractice,
        row.emergencyContact,
        row.identitySubject,
        row.registeredVia,
        row.clinicId,
        row.registeredBySubject,
        row.registeredByRole,
        row.registeredAt,
      ],
    );
    if (inserted.length === 0) {
      return false;
    }
    await this.addClinic(tx, row.id, row.clinicId, row.registeredAt);
    return true;
  }

  async addClinic(tx: Tx, clientId: string, clinicId: string, since: Date): Promise<boolean> {
    const rows = await tx.query<{ client_id: string }[]>(
      `INSERT INTO client_clinic (client_id, clinic_id, since) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING client_id`,
      [clientId, clinicId, since],
    );
    return rows.length > 0;
  }

  async updateDetails(tx: Tx, id: string, details: ClientDetails, at: Date): Promise<void> {
    await tx.query(
      `UPDATE client SET given_name = $2, family_name = $3, date_of_birth = $4, email = $5,
              phone = $6, address = $7, gp_practice = $8, emergency_contact = $9,
              updated_at = $10, version = version + 1
        WHERE id = $1`,
      [
        id,
        details.givenName,
        details.familyName,
        details.dateOfBirth,
        details.email,
        details.phone,
        details.address,
        details.gpPractice,
        details.emergencyContact,
        at,
      ],
    );
  }

  async touch(tx: Tx, id: string, at: Date): Promise<void> {
    await tx.query('UPDATE client SET updated_at = $2, version = version + 1 WHERE id = $1', [
      id,
      at,
    ]);
  }

  async findById(tx: Tx, id: string): Promise<Client | undefined> {
    const rows = await tx.query<ClientSqlRow[]>(
      `SELECT ${CLIENT_COLUMNS} FROM client c WHERE c.id = $1`,
      [id],
    );
    return rows[0] === undefined ? undefined : toClient(rows[0]);
  }

  /**
   * The list position of client `id` when the scope may list it (not erased, within the
   * scope); undefined otherwise, so a cursor cannot reach past the caller's own scope.
   */
  async listPositionOf(
    tx: Tx,
    scope: ClientRowScope,
    id: string,
  ): Promise<ClientListPosition | undefined> {
    const params: unknown[] = [id];
    const param = paramsOf(params);
    const where = ['c.id = $1', 'c.erased_at IS NULL', ...scopeClauses(scope, param)];
    const rows = await tx.query<{ id: string; family_name: string; given_name: string }[]>(
      `SELECT c.id, lower(c.family_name) AS family_name, lower(c.given_name) AS given_name
         FROM client c WHERE ${where.join(' AND ')}`,
      params,
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : { id: row.id, familyName: row.family_name, givenName: row.given_name };
  }

  /**
   * One page in list order after the cursor position. The caller's list scope is part of
   * the WHERE clause, so out-of-scope rows never leave SQL. Erased clients (no names) are
   * not listed.
   */
  async list(tx: Tx, query: ClientListQuery): Promise<Client[]> {
    const params: unknown[] = [];
    const param = paramsOf(params);
    const where: string[] = ['c.erased_at IS NULL', ...scopeClauses(query.scope, param)];
    if (query.clinicId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM client_clinic fc WHERE fc.client_id = c.id AND fc.clinic_id = ${param(query.clinicId)})`,
      );
    }
    if (query.search !== undefined) {
      where.push(searchClause(query.search, param));
    }
    if (query.after !== undefined) {
      where.push(
        query.order === 'id'
          ? `c.id > ${param(query.after.id)}::uuid`
          : `(lower(c.family_name), lower(c.given_name), c.id) > (${param(query.after.familyName)}, ${param(query.after.givenName)}, ${param(query.after.id)}::uuid)`,
      );
    }
    const orderBy =
      query.order === 'id' ? 'c.id' : 'lower(c.family_name), lower(c.given_name), c.id';
    const rows = await tx.query<ClientSqlRow[]>(
      `SELECT ${CLIENT_COLUMNS} FROM client c
        WHERE ${where.join(' AND ')}
        ORDER BY ${orderBy}
        LIMIT ${param(query.limit)}`,
      params,
    );
    return rows.map(toClient);
  }

  /** Nulls every personal field this context stores (the date of birth stays: see section). */
  async erasePersonalDetails(tx: Tx, id: string): Promise<void> {
    await tx.query(
      `UPDATE client SET given_name = NULL, family_name = NULL, email = NULL, phone = NULL,
              address = NULL, gp_practice = NULL, emergency_contact = NULL, identity_subject = NULL,
              erased_at = COALESCE(erased_at, now()), updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id],
    );
  }

  /**
   * Deletes the client's contact-details events from the outbox, published or not: they
   * hold the name, email and phone the client asked to be forgotten. Copies already
   * delivered live on in the topic until its retention ends (see docs/client-record.md).
   */
  async deleteContactEvents(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM outbox WHERE event_type = $1 AND message_key = $2', [
      ClientContactChangedV1.type,
      clientId,
    ]);
  }
}

function paramsOf(params: unknown[]): (value: unknown) => string {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/** The WHERE clauses (on alias `c`) that keep a query within a list scope. */
function scopeClauses(scope: ClientRowScope, param: (value: unknown) => string): string[] {
  switch (scope.kind) {
    case 'all':
      return [];
    case 'clinics':
      return [
        `EXISTS (SELECT 1 FROM client_clinic sc WHERE sc.client_id = c.id
                   AND sc.clinic_id = ANY(${param([...scope.clinicIds])}::uuid[]))`,
      ];
    case 'ids':
      return [`c.id = ANY(${param([...scope.clientIds])}::uuid[])`];
    case 'self':
      return [`c.id = ${param(scope.clientId)}`];
    default: {
      const unreachable: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(unreachable)}`);
    }
  }
}

function searchClause(search: ClientSearch, param: (value: unknown) => string): string {
  switch (search.kind) {
    case 'email':
      return `lower(c.email) LIKE ${param(`${escapeLike(search.prefix)}%`)}`;
    case 'phone':
      return `c.phone LIKE ${param(`%${escapeLike(search.digits)}%`)}`;
    case 'name':
      return search.words
        .map((word) => {
          const pattern = param(`${escapeLike(word)}%`);
          return `(lower(c.given_name) LIKE ${pattern} OR lower(c.family_name) LIKE ${pattern})`;
        })
        .join(' AND ');
    default: {
      const unreachable: never = search;
      throw new Error(`unknown search ${JSON.stringify(unreachable)}`);
    }
  }
}

function toClient(row: ClientSqlRow): Client {
  const clinics: ClientClinic[] = (row.clinics ?? []).map((clinic) => ({
    clinicId: clinic.clinicId,
    since: new Date(clinic.since),
  }));
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    email: row.email,
    phone: row.phone,
    address: row.address,
    gpPractice: row.gp_practice,
    emergencyContact: row.emergency_contact,
    identitySubject: row.identity_subject,
    registeredVia: row.registered_via,
    registeredClinicId: row.registered_clinic_id,
    clinics,
    registeredAt: row.registered_at,
    updatedAt: row.updated_at,
    erasedAt: row.erased_at,
    version: row.version,
  };
}

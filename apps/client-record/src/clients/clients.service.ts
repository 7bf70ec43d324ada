import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import { ClientClinicAddedV1, ClientContactChangedV1, ClientRegisteredV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessError, ClientAccessErrorCode } from '../access/client-access.errors';
import { ClientAccessService } from '../access/client-access.service';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { clientListScope, ClientPurpose, decideClientAccess } from '../access/domain/client-access';
import type { ClientScope } from '../access/domain/client-scope';
import { AuditWriter } from '../audit/audit.writer';
import { ClinicsService } from '../clinics/clinics.service';
import { ClientError, ClientErrorCode } from './clients.errors';
import {
  ClientListOrder,
  ClientListPosition,
  ClientRowScope,
  ClientsRepository,
} from './clients.repository';
import type { Client } from './domain/client';
import {
  checkClientDetails,
  ClientDetails,
  ClientDetailsDraft,
  ClientDetailsProblemCode,
} from './domain/client-details';
import {
  decodeClientCursor,
  DEFAULT_PAGE_SIZE,
  encodeClientCursor,
  MAX_PAGE_SIZE,
} from './domain/client-cursor';
import {
  clientViewFor,
  ClientView,
  mayAddClinic,
  mayRegisterAt,
  Permission,
} from './domain/client-permissions';
import { ClientSearch, parseClientSearch } from './domain/client-search';
import { utcDateOf } from './domain/date-of-birth';
import { duplicateKeysOf, duplicateMatchOf, fold } from './domain/duplicate-keys';
import {
  checkIdentityProof,
  ClientIdentityProof,
  ClientIdentityProofDraft,
  identityProofMatches,
} from './domain/identity-proof';

export interface RegisterClientCommand extends ClientDetailsDraft {
  readonly clinicId: string;
  readonly confirmNotDuplicate?: boolean | null;
}

/** Fields left out (undefined) stay; optional parts given as null are removed. */
export interface UpdateClientDetailsCommand {
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  readonly dateOfBirth?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: ClientDetailsDraft['address'];
  readonly gpPractice?: ClientDetailsDraft['gpPractice'];
  readonly emergencyContact?: ClientDetailsDraft['emergencyContact'];
  readonly confirmNotDuplicate?: boolean | null;
}

/** A client as one caller may see them. */
export interface VisibleClient {
  readonly client: Client;
  readonly view: ClientView;
  /** Clinic names from the roster projection, by clinic id. */
  readonly clinicNames: ReadonlyMap<string, string>;
}

export interface ClientPage {
  readonly edges: { readonly cursor: string; readonly node: VisibleClient }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

const ERROR_OF_PROBLEM: Readonly<Record<ClientDetailsProblemCode, ClientErrorCode>> = {
  INVALID_NAME: ClientErrorCode.InvalidName,
  INVALID_DATE_OF_BIRTH: ClientErrorCode.InvalidDateOfBirth,
  DATE_OF_BIRTH_IN_FUTURE: ClientErrorCode.DateOfBirthInFuture,
  INVALID_EMAIL: ClientErrorCode.InvalidEmail,
  INVALID_PHONE: ClientErrorCode.InvalidPhone,
  CONTACT_REQUIRED: ClientErrorCode.ContactRequired,
  INVALID_POSTCODE: ClientErrorCode.InvalidPostcode,
  INVALID_ADDRESS: ClientErrorCode.InvalidAddress,
  INVALID_GP_PRACTICE: ClientErrorCode.InvalidGpPractice,
  INVALID_EMERGENCY_CONTACT: ClientErrorCode.InvalidEmergencyContact,
};

@Injectable()
export class ClientsService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly clinics: ClinicsService,
    private readonly access: ClientAccessService,
    private readonly scopes: ClientScopeRepository,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /**
   * Clinic staff register a client at their clinic (head office administration at any), or
   * a client registers themself online with the id their sign-up minted. A likely duplicate
   * in the network is refused with CLIENT_LIKELY_DUPLICATE unless confirmNotDuplicate.
   */
  async register(caller: Caller, command: RegisterClientCommand): Promise<VisibleClient> {
    const clinicId = requireClinicId(command.clinicId);
    ensure(mayRegisterAt(caller, clinicId));
    const details = requireDetails(command);
    const online = caller.role === 'client';
    return this.transactions.run(async (tx) => {
      await this.requireOpenClinic(tx, clinicId);
      const id = online ? (caller.clientId ?? '').toLowerCase() : randomUUID();
      if (online && (await this.scopes.scopeOf(tx, id)) !== undefined) {
        throw alreadyRegistered(id);
      }
      await this.clients.lockDuplicateKeys(tx, duplicateKeysOf(details));
      if (command.confirmNotDuplicate !== true) {
        await this.refuseLikelyDuplicate(tx, caller, details);
      }
      const now = new Date();
      const inserted = await this.clients.insert(tx, {
        ...details,
        id,
        clinicId,
        identitySubject: online ? caller.subject : null,
        registeredVia: online ? 'online' : 'staff',
        registeredBySubject: caller.subject,
        registeredByRole: caller.role,
        registeredAt: now,
      });
      if (!inserted) {
        throw alreadyRegistered(id);
      }
      const client = await this.requireClient(tx, id);
      await this.outbox.append(tx, ClientRegisteredV1, {
        aggregateId: id,
        clinicId,
        data: {
          clientId: id,
          clinicId,
          registeredVia: online ? 'online' : 'staff',
          registeredAt: now.toISOString(),
        },
      });
      await this.publishContact(tx, client, clinicId, 'registered');
      await this.audit.record(tx, caller, {
        clientId: id,
        clinicId,
        recordType: 'client',
        recordId: id,
        action: 'create',
      });
      return this.visible(tx, caller, client);
    });
  }

  /** profile:write: the client's clinic staff, head office, or the client themself. */
  async updateDetails(
    caller: Caller,
    clientId: string,
    command: UpdateClientDetailsCommand,
  ): Promise<VisibleClient> {
    return this.transactions.run(async (tx) => {
      await this.lockClient(tx, clientId);
      const scope = await this.access.require(tx, caller, clientId, 'profile:write');
      const current = await this.requireClient(tx, scope.clientId);
      const before = detailsOf(current);
      const details = requireDetails(merge(before, command));
      if (JSON.stringify(details) === JSON.stringify(before)) {
        return this.visible(tx, caller, current);
      }
      const identityChanged =
        fold(details.givenName) !== fold(before.givenName) ||
        fold(details.familyName) !== fold(before.familyName) ||
        details.dateOfBirth !== before.dateOfBirth ||
        details.email !== before.email;
      if (identityChanged) {
        await this.clients.lockDuplicateKeys(tx, duplicateKeysOf(details));
        if (command.confirmNotDuplicate !== true) {
          await this.refuseLikelyDuplicate(tx, caller, details, current.id);
        }
      }
      await this.clients.updateDetails(tx, current.id, details, new Date());
      const client = await this.requireClient(tx, current.id);
      if (
        details.givenName !== before.givenName ||
        details.email !== before.email ||
        details.phone !== before.phone
      ) {
        await this.publishContact(tx, client, callerClinic(caller, client), 'details_updated');
      }
      await this.audit.record(tx, caller, {
        clientId: client.id,
        clinicId: callerClinic(caller, client),
        recordType: 'client',
        recordId: client.id,
        action: 'amend',
      });
      return this.visible(tx, caller, client);
    });
  }

  /**
   * The client also attends `clinicId`: added by that clinic's staff, head office
   * administration, or the client themself. Staff linking a client who attends none of
   * their clinics yet (so may not read the record) must prove they know the person: `proof`
   * (date of birth, and email or both names) is checked against the record, and a mismatch
   * writes nothing. Audited as `link`. The reply shows the record: the clinic now attends
   * the client.
   */
  async attendClinic(
    caller: Caller,
    clientIdRaw: string,
    clinicIdRaw: string,
    proofDraft?: ClientIdentityProofDraft | null,
  ): Promise<VisibleClient> {
    const clientId = requireClientId(clientIdRaw);
    const clinicId = requireClinicId(clinicIdRaw);
    const proof = isGiven(proofDraft) ? requireProof(proofDraft) : undefined;
    return this.transactions.run(async (tx) => {
      await this.lockClient(tx, clientId);
      const scope = await this.scopes.scopeOf(tx, clientId);
      if (scope === undefined) {
        throw new ClientAccessError(
          ClientAccessErrorCode.ClientNotFound,
          `no client ${clientId}; check the id, or register the client first`,
          { clientId },
        );
      }
      return this.link(tx, caller, scope, clinicId, proof);
    });
  }

  /**
   * Staff of `clinicId` (or head office) link the one client whose date of birth, and email
   * or name, match `proof`: the way forward when registration reported a likely duplicate
   * at a clinic the caller cannot see into (the error carries no id then). No match, or
   * more than one, is CLIENT_IDENTITY_MISMATCH and writes nothing.
   */
  async linkExistingClient(
    caller: Caller,
    clinicIdRaw: string,
    proofDraft: ClientIdentityProofDraft,
  ): Promise<VisibleClient> {
    const clinicId = requireClinicId(clinicIdRaw);
    const proof = requireProof(proofDraft);
    if (caller.role === 'client') {
      throw new ForbiddenError(
        'a client adds a clinic to their own record with attendClinic and their client id',
      );
    }
    ensure(mayRegisterAt(caller, clinicId));
    return this.transactions.run(async (tx) => {
      const ids = await this.clients.findIdsByIdentity(tx, proof, 2);
      const id = ids[0];
      if (id === undefined || ids.length > 1) {
        throw new ClientError(
          ClientErrorCode.IdentityMismatch,
          ids.length > 1
            ? 'those details match more than one client; give the email and both names, or ask head office to link the client'
            : 'no client matches that date of birth with that email or name; check the details with the client, or register them',
          { field: 'proof' },
        );
      }
      await this.lockClient(tx, id);
      const scope = await this.scopes.scopeOf(tx, id);
      if (scope === undefined) {
        throw new Error(`client ${id} vanished inside its own transaction`);
      }
      return this.link(tx, caller, scope, clinicId, proof);
    });
  }

  private async link(
    tx: Tx,
    caller: Caller,
    scope: ClientScope,
    clinicId: string,
    proof: ClientIdentityProof | undefined,
  ): Promise<VisibleClient> {
    ensure(mayAddClinic(caller, scope.clientId, clinicId));
    const mayRead = decideClientAccess(caller, scope, 'profile:read').allowed;
    if (!mayRead && proof === undefined) {
      throw new ClientError(
        ClientErrorCode.IdentityProofRequired,
        `client ${scope.clientId} attends none of your clinics; to link them, send proof: their dateOfBirth, and their email or givenName and familyName`,
        { field: 'proof' },
      );
    }
    if (proof !== undefined) {
      // Checked before the erasure state, so a caller who cannot read the client learns
      // nothing about the record from a wrong guess (an erased record never matches).
      const stored = await this.requireClient(tx, scope.clientId);
      if (!identityProofMatches(proof, stored)) {
        throw new ClientError(
          ClientErrorCode.IdentityMismatch,
          `the proof does not match client ${scope.clientId}; check the date of birth and the email or name with the client`,
          { field: 'proof' },
        );
      }
    }
    if (scope.erasedAt !== null) {
      throw new ClientAccessError(
        ClientAccessErrorCode.ClientErased,
        `client ${scope.clientId} asked for erasure; their record can no longer change`,
        { clientId: scope.clientId },
      );
    }
    await this.requireOpenClinic(tx, clinicId);
    const now = new Date();
    if (!(await this.clients.addClinic(tx, scope.clientId, clinicId, now))) {
      throw new ClientError(
        ClientErrorCode.AlreadyAttends,
        `client ${scope.clientId} already attends clinic ${clinicId}; nothing to add`,
        { field: 'clinicId' },
      );
    }
    await this.clients.touch(tx, scope.clientId, now);
    const client = await this.requireClient(tx, scope.clientId);
    const clinicIds = client.clinics.map((clinic) => clinic.clinicId);
    await this.outbox.append(tx, ClientClinicAddedV1, {
      aggregateId: client.id,
      clinicId,
      data: { clientId: client.id, clinicId, clinicIds },
    });
    await this.publishContact(tx, client, clinicId, 'clinic_added');
    await this.audit.record(tx, caller, {
      clientId: client.id,
      clinicId,
      recordType: 'client',
      recordId: client.id,
      action: 'link',
    });
    return this.visible(tx, caller, client);
  }

  /**
   * One client: profile:read (integrators: their eligibility:read grant, and the id only).
   * The read is audited.
   */
  async getClient(caller: Caller, clientId: string): Promise<VisibleClient> {
    return this.transactions.run(async (tx) => {
      const purpose: ClientPurpose =
        clientViewFor(caller) === 'id_only' ? 'eligibility:read' : 'profile:read';
      const scope = await this.access.require(tx, caller, clientId, purpose);
      const client = await this.requireClient(tx, scope.clientId);
      await this.audit.record(tx, caller, {
        clientId: client.id,
        clinicId: callerClinic(caller, client),
        recordType: 'client',
        recordId: client.id,
        action: 'read',
      });
      return this.visible(tx, caller, client);
    });
  }

  /**
   * A page of the clients the caller may list, in name order, optionally searched by name,
   * email or phone and filtered by clinic. Integrators list ids within their clinics and may
   * not search by personal details.
   */
  async listClients(
    caller: Caller,
    filter: { readonly text?: string | null; readonly clinicId?: string | null },
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ClientPage> {
    const size = pageSizeOf(first);
    const afterId = cursorOf(after);
    const view = clientViewFor(caller);
    // Names must not reach an id-only caller in any form, the page order included.
    const order: ClientListOrder = view === 'id_only' ? 'id' : 'name';
    const search = searchOf(filter.text);
    const clinicId = isGiven(filter.clinicId) ? requireClinicId(filter.clinicId) : undefined;
    const listScope = clientListScope(caller);
    if (listScope.kind === 'none') {
      throw new ForbiddenError(listScope.reason);
    }
    if (search !== undefined && view === 'id_only') {
      throw new ForbiddenError(
        'integrators may list client ids but not search by name, email or phone',
      );
    }
    return this.transactions.run(async (tx) => {
      const scope: ClientRowScope =
        listScope.kind === 'therapist'
          ? {
              kind: 'ids',
              clientIds: await this.scopes.clientIdsCaredForBy(tx, listScope.therapistId),
            }
          : listScope;
      const position =
        afterId === undefined ? undefined : await this.positionOf(tx, scope, afterId);
      const rows = await this.clients.list(tx, {
        scope,
        order,
        limit: size + 1,
        ...(search === undefined ? {} : { search }),
        ...(clinicId === undefined ? {} : { clinicId }),
        ...(position === undefined ? {} : { after: position }),
      });
      const page = rows.slice(0, size);
      const names = await this.clinicNames(
        tx,
        page.flatMap((client) => client.clinics.map((clinic) => clinic.clinicId)),
      );
      const edges = page.map((client) => ({
        cursor: encodeClientCursor(client.id),
        node: { client, view, clinicNames: names },
      }));
      return {
        edges,
        hasNextPage: rows.length > size,
        endCursor: edges.at(-1)?.cursor ?? null,
      };
    });
  }

  /** The position a cursor's client holds, when the caller may list that client. */
  private async positionOf(
    tx: Tx,
    scope: ClientRowScope,
    clientId: string,
  ): Promise<ClientListPosition> {
    const position = await this.clients.listPositionOf(tx, scope, clientId);
    if (position === undefined) {
      throw invalidCursor();
    }
    return position;
  }

  /**
   * CLIENT_LIKELY_DUPLICATE when another client matches. The existing id is given only to a
   * caller who may already read that client; other staff get the kind of match and how to
   * link with proof of identity; a client gets one generic message (no id, no kind), so
   * self-registration tells as little as possible about who else is registered.
   */
  private async refuseLikelyDuplicate(
    tx: Tx,
    caller: Caller,
    details: ClientDetails,
    exceptId?: string,
  ): Promise<void> {
    const existing = await this.clients.findLikelyDuplicate(tx, details, exceptId);
    if (existing === undefined) {
      return;
    }
    if (caller.role === 'client') {
      throw new ClientError(
        ClientErrorCode.LikelyDuplicate,
        "these details may match a client already registered with the network; ask your clinic's reception to link your login to your record, or, if you are sure you have no record, send again with confirmNotDuplicate: true",
      );
    }
    const match = duplicateMatchOf(details, existing) ?? 'email';
    const how = match === 'email' ? 'the same email' : 'the same name and date of birth';
    const scope = await this.scopes.scopeOf(tx, existing.id);
    const mayRead =
      scope !== undefined && decideClientAccess(caller, scope, 'profile:read').allowed;
    if (mayRead) {
      throw new ClientError(
        ClientErrorCode.LikelyDuplicate,
        `client ${existing.id} already has ${how}; if it is the same person, add your clinic to that record with attendClinic, otherwise send again with confirmNotDuplicate: true`,
        { existingClientId: existing.id, match },
      );
    }
    throw new ClientError(
      ClientErrorCode.LikelyDuplicate,
      `a client at another clinic of the network already has ${how}; if it is the same person, link them to your clinic with linkExistingClient(clinicId, proof: { dateOfBirth, email or givenName and familyName }), checked against their record; otherwise send again with confirmNotDuplicate: true`,
      { match },
    );
  }

  private async requireOpenClinic(tx: Tx, clinicId: string): Promise<void> {
    const check = await this.clinics.checkOpenForRegistration(tx, clinicId);
    if ('clinic' in check) {
      return;
    }
    switch (check.refusal) {
      case 'not_found':
        throw new ClientError(
          ClientErrorCode.ClinicNotFound,
          `clinic ${clinicId} is not a clinic of the network (or client-record has not heard of it yet); check the clinic id`,
          { field: 'clinicId', clinicId },
        );
      case 'closed':
        throw new ClientError(
          ClientErrorCode.ClinicClosed,
          `clinic ${clinicId} is closed; register the client at a clinic that is open`,
          { field: 'clinicId', clinicId },
        );
      default: {
        const unreachable: never = check.refusal;
        throw new Error(`unknown refusal ${String(unreachable)}`);
      }
    }
  }

  /** Serialises changes to one client (taken before the access check reads the row). */
  private async lockClient(tx: Tx, clientId: string): Promise<void> {
    if (isUuid(clientId)) {
      await tx.query('SELECT id FROM client WHERE id = $1 FOR UPDATE', [clientId.toLowerCase()]);
    }
  }

  private async requireClient(tx: Tx, id: string): Promise<Client> {
    const client = await this.clients.findById(tx, id);
    if (client === undefined) {
      throw new Error(`client ${id} vanished inside its own transaction`);
    }
    return client;
  }

  private async publishContact(
    tx: Tx,
    client: Client,
    clinicId: string | null,
    cause: 'registered' | 'details_updated' | 'clinic_added',
  ): Promise<void> {
    if (client.givenName === null) {
      return;
    }
    await this.outbox.append(tx, ClientContactChangedV1, {
      aggregateId: client.id,
      clinicId,
      data: {
        clientId: client.id,
        givenName: client.givenName,
        email: client.email,
        phone: client.phone,
        clinicIds: client.clinics.map((clinic) => clinic.clinicId),
        cause,
      },
    });
  }

  private async clinicNames(tx: Tx, clinicIds: readonly string[]): Promise<Map<string, string>> {
    const clinics = await this.clinics.findMany(tx, [...new Set(clinicIds)]);
    return new Map(clinics.map((clinic) => [clinic.id, clinic.name]));
  }

  private async visible(tx: Tx, caller: Caller, client: Client): Promise<VisibleClient> {
    return {
      client,
      view: clientViewFor(caller),
      clinicNames: await this.clinicNames(
        tx,
        client.clinics.map((clinic) => clinic.clinicId),
      ),
    };
  }
}

function ensure(permission: Permission): void {
  if (!permission.allowed) {
    throw new ForbiddenError(permission.reason);
  }
}

function isGiven<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

function requireClinicId(id: string): string {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new ClientError(
      ClientErrorCode.InvalidClinicId,
      `"${id}" is not a clinic id: clinic ids are UUIDs`,
      { field: 'clinicId' },
    );
  }
  return id.toLowerCase();
}

function requireClientId(id: string): string {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new ClientAccessError(
      ClientAccessErrorCode.InvalidClientId,
      `client id "${id}" is not a UUID`,
      { clientId: id },
    );
  }
  return id.toLowerCase();
}

function requireProof(draft: ClientIdentityProofDraft): ClientIdentityProof {
  const check = checkIdentityProof(draft);
  if (!check.ok) {
    throw new ClientError(ClientErrorCode.InvalidIdentityProof, check.message, {
      field: check.field,
    });
  }
  return check.proof;
}

function requireDetails(draft: ClientDetailsDraft): ClientDetails {
  const check = checkClientDetails(draft, utcDateOf(new Date()));
  if (!check.ok) {
    throw new ClientError(ERROR_OF_PROBLEM[check.problem.code], check.problem.message, {
      field: check.problem.field,
    });
  }
  return check.details;
}

function alreadyRegistered(id: string): ClientError {
  return new ClientError(
    ClientErrorCode.AlreadyRegistered,
    `client ${id} is already registered; update the details with updateClientDetails instead`,
  );
}

/** The stored details as a draft (an erased client has none left to change). */
function detailsOf(client: Client): ClientDetails {
  return {
    givenName: client.givenName ?? '',
    familyName: client.familyName ?? '',
    dateOfBirth: client.dateOfBirth ?? '',
    email: client.email,
    phone: client.phone,
    address: client.address,
    gpPractice: client.gpPractice,
    emergencyContact: client.emergencyContact,
  };
}

function merge(current: ClientDetails, command: UpdateClientDetailsCommand): ClientDetailsDraft {
  return {
    givenName: command.givenName ?? current.givenName,
    familyName: command.familyName ?? current.familyName,
    dateOfBirth: command.dateOfBirth ?? current.dateOfBirth,
    email: command.email === undefined ? current.email : command.email,
    phone: command.phone === undefined ? current.phone : command.phone,
    address: command.address === undefined ? current.address : command.address,
    gpPractice: command.gpPractice === undefined ? current.gpPractice : command.gpPractice,
    emergencyContact:
      command.emergencyContact === undefined ? current.emergencyContact : command.emergencyContact,
  };
}

/** The clinic an audit row or event names: the caller's own clinic of the client's, if any. */
function callerClinic(caller: Caller, client: Client): string | null {
  const ids = client.clinics.map((clinic) => clinic.clinicId);
  return ids.find((id) => caller.clinicIds.includes(id)) ?? ids[0] ?? null;
}

function pageSizeOf(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new ClientError(
      ClientErrorCode.InvalidPageSize,
      `first must be between 1 and ${MAX_PAGE_SIZE}; got ${size}`,
      { field: 'first' },
    );
  }
  return size;
}

/** The client id a cursor carries. */
function cursorOf(after: string | null | undefined): string | undefined {
  if (!isGiven(after)) {
    return undefined;
  }
  const clientId = decodeClientCursor(after);
  if (clientId === undefined) {
    throw invalidCursor();
  }
  return clientId;
}

function invalidCursor(): ClientError {
  return new ClientError(
    ClientErrorCode.InvalidCursor,
    'after is not a cursor of a client you may list; pass the endCursor of the previous page, or start again without after',
    { field: 'after' },
  );
}

function searchOf(text: string | null | undefined): ClientSearch | undefined {
  if (!isGiven(text) || text.trim() === '') {
    return undefined;
  }
  const search = parseClientSearch(text);
  if (search === undefined) {
    throw new ClientError(
      ClientErrorCode.InvalidSearch,
      'search text must be 2–100 characters (a phone search at least 4 digits)',
      { field: 'search.text' },
    );
  }
  return search;
}

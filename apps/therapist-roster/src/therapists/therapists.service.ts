import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import {
  TherapistAssignedV1,
  TherapistJoinedV1,
  TherapistLeftV1,
  TherapistUnassignedV1,
  TherapistUpdatedV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClinicsService } from '../clinics/clinics.service';
import { isCalendarDate, utcDateOf } from './domain/calendar-date';
import { normaliseEmail, normalisePhone } from './domain/contact-details';
import { checkHcpcNumber } from './domain/hcpc-number';
import { normalisePersonName } from './domain/person-name';
import type { Profession } from './domain/profession';
import type { Specialty } from './domain/specialty';
import type { Therapist } from './domain/therapist';
import {
  clientProfileOf,
  type TherapistView,
  withoutContactDetails,
} from './domain/therapist-view';
import {
  decodeTherapistCursor,
  DEFAULT_PAGE_SIZE,
  encodeTherapistCursor,
  MAX_PAGE_SIZE,
} from './domain/therapist-cursor';
import {
  canManageClinicStaff,
  canChangeTherapistNetworkStatus,
  canManageTherapist,
  clinicsNotManagedBy,
  isTherapistThemself,
  SELF_EDITABLE_FIELDS,
} from './domain/therapist-permissions';
import {
  maySeeContactDetails,
  scopeAllows,
  therapistProfileAccess,
  therapistReadScope,
} from './domain/therapist-read-scope';
import type { TherapistStatus } from './domain/therapist-status';
import { primaryClinicOf, therapistStateOf } from './therapist-event-data';
import { TherapistRow, TherapistsRepository } from './therapists.repository';
import { TherapistError, TherapistErrorCode } from './therapists.errors';

export interface AddTherapistCommand {
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly phone?: string | null;
  readonly profession: Profession;
  readonly hcpcNumber?: string | null;
  readonly specialties?: readonly Specialty[] | null;
  readonly clinicIds: readonly string[];
}

/** Absent (undefined) fields are left as they are; `null` clears phone or hcpcNumber. */
export interface UpdateTherapistCommand {
  readonly givenName?: string | null;
  readonly familyName?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly profession?: Profession | null;
  readonly hcpcNumber?: string | null;
  readonly specialties?: readonly Specialty[] | null;
}

export interface TherapistFilter {
  readonly clinicId?: string | null;
  readonly profession?: Profession | null;
  readonly specialty?: Specialty | null;
  readonly status?: TherapistStatus | null;
  /** A certification type, e.g. "pnf_level_2": only therapists holding a current one. */
  readonly currentCertification?: string | null;
}

export interface TherapistPage {
  readonly edges: readonly { readonly cursor: string; readonly node: TherapistView }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

type EditableField = keyof UpdateTherapistCommand;

const CLEARABLE: ReadonlySet<EditableField> = new Set(['phone', 'hcpcNumber']);

@Injectable()
export class TherapistsService {
  constructor(
    private readonly therapists: TherapistsRepository,
    private readonly clinics: ClinicsService,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** Head office, or a clinic manager for their own clinics, adds a therapist. */
  async addTherapist(caller: Caller, command: AddTherapistCommand): Promise<Therapist> {
    if (caller.role !== 'head_office_admin' && caller.role !== 'clinic_manager') {
      throw new ForbiddenError(
        `adding therapists needs the role head_office_admin or clinic_manager; your token has ${caller.role}`,
      );
    }
    const clinicIds = uniqueClinicIds(command.clinicIds);
    const denied = clinicIds.find((clinicId) => !canManageClinicStaff(caller, clinicId));
    if (denied !== undefined) {
      throw new ForbiddenError(
        `clinic ${denied} is not one of the clinics your login manages; add therapists to your own clinics`,
      );
    }
    const profession = command.profession;
    const row: TherapistRow = {
      id: randomUUID(),
      givenName: requireName(command.givenName, 'givenName'),
      familyName: requireName(command.familyName, 'familyName'),
      email: requireEmail(command.email),
      phone: optionalPhone(command.phone ?? null),
      profession,
      hcpcNumber: requireHcpc(profession, command.hcpcNumber ?? null),
      specialties: uniqueSpecialties(command.specialties ?? []),
      status: 'active',
      leftOn: null,
    };
    await this.requireOpenClinics(clinicIds);
    return this.transactions.run(async (tx) => {
      const therapist = await this.therapists.insert(tx, row, clinicIds);
      await this.outbox.append(tx, TherapistJoinedV1, {
        aggregateId: therapist.id,
        clinicId: primaryClinicOf(therapist),
        data: therapistStateOf(therapist),
      });
      return therapist;
    });
  }

  /**
   * Head office or a manager of one of the therapist's clinics changes any field; the
   * therapist themself may change only their own email and phone.
   */
  async updateTherapist(
    caller: Caller,
    id: string,
    command: UpdateTherapistCommand,
  ): Promise<Therapist> {
    requireTherapistId(id);
    // null clears phone or hcpcNumber; for the other fields it means "leave as is".
    const fields = (Object.keys(command) as EditableField[]).filter(
      (field) => command[field] !== undefined && (command[field] !== null || CLEARABLE.has(field)),
    );
    if (fields.length === 0) {
      throw new TherapistError(
        TherapistErrorCode.NoChanges,
        'nothing to change: give at least one field of the therapist to update',
      );
    }
    return this.transactions.run(async (tx) => {
      const current = await this.lockTherapist(tx, id);
      if (!canManageTherapist(caller, current)) {
        if (!isTherapistThemself(caller, id)) {
          throw new ForbiddenError(
            `therapist ${id} does not work at a clinic your login manages; ask head office or their clinic manager`,
          );
        }
        const notSelfEditable = fields.filter(
          (field) => !(SELF_EDITABLE_FIELDS as readonly string[]).includes(field),
        );
        if (notSelfEditable.length > 0) {
          throw new ForbiddenError(
            `you may change only your own ${SELF_EDITABLE_FIELDS.join(' and ')}; ask your clinic manager to change ${notSelfEditable.join(', ')}`,
          );
        }
      }
      requireStillWorking(current);
      const profession = command.profession ?? current.profession;
      const next: TherapistRow = {
        ...rowOf(current),
        givenName: isGiven(command.givenName)
          ? requireName(command.givenName, 'givenName')
          : current.givenName,
        familyName: isGiven(command.familyName)
          ? requireName(command.familyName, 'familyName')
          : current.familyName,
        email: isGiven(command.email) ? requireEmail(command.email) : current.email,
        phone: command.phone === undefined ? current.phone : optionalPhone(command.phone),
        profession,
        hcpcNumber: requireHcpc(
          profession,
          command.hcpcNumber === undefined ? current.hcpcNumber : command.hcpcNumber,
        ),
        specialties: isGiven(command.specialties)
          ? uniqueSpecialties(command.specialties)
          : current.specialties,
      };
      const updated = await this.therapists.update(tx, next);
      await this.outbox.append(tx, TherapistUpdatedV1, {
        aggregateId: id,
        clinicId: primaryClinicOf(updated),
        data: { ...therapistStateOf(updated), changedFields: changedFields(current, updated) },
      });
      return updated;
    });
  }

  /** Head office, or the manager of `clinicId`, has a therapist also work at that clinic. */
  async assignTherapistToClinic(
    caller: Caller,
    therapistId: string,
    clinicId: string,
  ): Promise<Therapist> {
    requireTherapistId(therapistId);
    requireClinicId(clinicId);
    this.requireManagesClinic(caller, clinicId);
    await this.requireOpenClinics([clinicId]);
    return this.transactions.run(async (tx) => {
      const current = await this.lockTherapist(tx, therapistId);
      requireStillWorking(current);
      if (current.clinicIds.includes(clinicId)) {
        throw new TherapistError(
          TherapistErrorCode.AlreadyAssigned,
          `therapist ${therapistId} already works at clinic ${clinicId}; nothing to assign`,
          { field: 'clinicId' },
        );
      }
      const therapist = await this.therapists.assign(tx, therapistId, clinicId);
      await this.outbox.append(tx, TherapistAssignedV1, {
        aggregateId: therapistId,
        clinicId,
        data: { ...therapistStateOf(therapist), clinicId },
      });
      return therapist;
    });
  }

  /** Head office, or the manager of `clinicId`, stops a therapist working at that clinic. */
  async unassignTherapistFromClinic(
    caller: Caller,
    therapistId: string,
    clinicId: string,
  ): Promise<Therapist> {
    requireTherapistId(therapistId);
    requireClinicId(clinicId);
    this.requireManagesClinic(caller, clinicId);
    return this.transactions.run(async (tx) => {
      const current = await this.lockTherapist(tx, therapistId);
      requireStillWorking(current);
      if (!current.clinicIds.includes(clinicId)) {
        throw new TherapistError(
          TherapistErrorCode.NotAssigned,
          `therapist ${therapistId} does not work at clinic ${clinicId}; nothing to unassign`,
          { field: 'clinicId' },
        );
      }
      if (current.clinicIds.length === 1) {
        throw new TherapistError(
          TherapistErrorCode.LastClinic,
          `clinic ${clinicId} is the only clinic therapist ${therapistId} works at; assign them to another clinic first, or mark them as left`,
          { field: 'clinicId' },
        );
      }
      const therapist = await this.therapists.unassign(tx, therapistId, clinicId);
      await this.outbox.append(tx, TherapistUnassignedV1, {
        aggregateId: therapistId,
        clinicId,
        data: { ...therapistStateOf(therapist), clinicId },
      });
      return therapist;
    });
  }

  /**
   * A therapist leaves the network (final); `leftOn` defaults to today (UTC). Head office,
   * or a manager of every clinic the therapist works at.
   */
  async markTherapistLeft(
    caller: Caller,
    id: string,
    leftOn: string | null | undefined,
  ): Promise<Therapist> {
    requireTherapistId(id);
    const day = leftOn ?? utcDateOf(new Date());
    if (!isCalendarDate(day)) {
      throw new TherapistError(
        TherapistErrorCode.InvalidDate,
        `leftOn "${day}" is not a date; use YYYY-MM-DD`,
        { field: 'leftOn' },
      );
    }
    return this.transactions.run(async (tx) => {
      const current = await this.lockTherapist(tx, id);
      this.requireManagesEverywhere(caller, current);
      requireStillWorking(current);
      const therapist = await this.therapists.update(tx, {
        ...rowOf(current),
        status: 'left',
        leftOn: day,
      });
      await this.outbox.append(tx, TherapistLeftV1, {
        aggregateId: id,
        clinicId: primaryClinicOf(therapist),
        data: { ...therapistStateOf(therapist), leftOn: day },
      });
      return therapist;
    });
  }

  /**
   * Puts a therapist on leave or back to active. Setting the status they already have is a
   * no-op (no event), so a retried request is harmless. Leaving is `markTherapistLeft`.
   * Leave is network-wide: head office, or a manager of every clinic the therapist works at.
   */
  async setTherapistStatus(
    caller: Caller,
    id: string,
    status: TherapistStatus,
  ): Promise<Therapist> {
    requireTherapistId(id);
    if (status === 'left') {
      throw new TherapistError(
        TherapistErrorCode.InvalidStatusChange,
        'use markTherapistLeft to record that a therapist left; setTherapistStatus sets active or on_leave',
        { field: 'status' },
      );
    }
    return this.transactions.run(async (tx) => {
      const current = await this.lockTherapist(tx, id);
      this.requireManagesEverywhere(caller, current);
      requireStillWorking(current);
      if (current.status === status) {
        return current;
      }
      const therapist = await this.therapists.update(tx, { ...rowOf(current), status });
      await this.outbox.append(tx, TherapistUpdatedV1, {
        aggregateId: id,
        clinicId: primaryClinicOf(therapist),
        data: { ...therapistStateOf(therapist), changedFields: ['status'] },
      });
      return therapist;
    });
  }

  /**
   * One therapist, if the caller may read them: integrators get it without contact details,
   * clients the public profile (clientProfileOf); see therapistProfileAccess.
   */
  async getTherapist(caller: Caller, id: string): Promise<TherapistView> {
    requireTherapistId(id);
    const therapist = await this.requireTherapist(id);
    const access = therapistProfileAccess(caller, therapist);
    switch (access) {
      case 'full':
        return therapist;
      case 'no_contact':
        return withoutContactDetails(therapist);
      case 'public':
        return clientProfileOf(therapist);
      case 'none':
        throw new ForbiddenError(
          `therapist ${id} does not work at a clinic your login may act for`,
        );
      default: {
        const unreachable: never = access;
        throw new Error(`unknown access ${String(unreachable)}`);
      }
    }
  }

  /**
   * A page of the therapists the caller may read, in name order. Out-of-scope therapists
   * are simply not in the result (a clinic user filtering by another clinic gets nothing).
   */
  async listTherapists(
    caller: Caller,
    filter: TherapistFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<TherapistPage> {
    const size = first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
      throw new TherapistError(
        TherapistErrorCode.InvalidPageSize,
        `first must be between 1 and ${MAX_PAGE_SIZE}; got ${size}`,
        { field: 'first' },
      );
    }
    const position = isGiven(after) ? decodeTherapistCursor(after) : undefined;
    if (isGiven(after) && position === undefined) {
      throw new TherapistError(
        TherapistErrorCode.InvalidCursor,
        'after is not a cursor from this list; pass the endCursor of the previous page',
        { field: 'after' },
      );
    }
    if (isGiven(filter.clinicId)) {
      requireClinicId(filter.clinicId);
    }
    const rows = await this.therapists.list({
      scope: therapistReadScope(caller),
      today: utcDateOf(new Date()),
      limit: size + 1,
      ...(isGiven(filter.clinicId) ? { clinicId: filter.clinicId.toLowerCase() } : {}),
      ...(isGiven(filter.profession) ? { profession: filter.profession } : {}),
      ...(isGiven(filter.specialty) ? { specialty: filter.specialty } : {}),
      ...(isGiven(filter.status) ? { status: filter.status } : {}),
      ...(isGiven(filter.currentCertification)
        ? { currentCertificationType: filter.currentCertification }
        : {}),
      ...(position === undefined ? {} : { after: position }),
    });
    const page = rows.slice(0, size);
    const edges = page.map((therapist) => ({
      cursor: encodeTherapistCursor(therapist),
      node: redactFor(caller, therapist),
    }));
    return {
      edges,
      hasNextPage: rows.length > size,
      endCursor: edges.at(-1)?.cursor ?? null,
    };
  }

  /** For other contexts of this service: the therapist, with no caller checks. */
  async requireTherapist(id: string): Promise<Therapist> {
    requireTherapistId(id);
    const therapist = await this.therapists.findById(id);
    if (therapist === undefined) {
      throw notFound(id);
    }
    return therapist;
  }

  /** True when the caller may read this therapist (and so their certifications). */
  canRead(caller: Caller, therapist: Pick<Therapist, 'id' | 'clinicIds'>): boolean {
    return scopeAllows(therapistReadScope(caller), therapist);
  }

  private async lockTherapist(tx: Tx, id: string): Promise<Therapist> {
    const therapist = await this.therapists.lockById(tx, id);
    if (therapist === undefined) {
      throw notFound(id);
    }
    return therapist;
  }

  /** Leave and leaving are network-wide: head office, or a manager of all their clinics. */
  private requireManagesEverywhere(caller: Caller, therapist: Therapist): void {
    if (canChangeTherapistNetworkStatus(caller, therapist)) {
      return;
    }
    if (!canManageTherapist(caller, therapist)) {
      throw new ForbiddenError(
        `therapist ${therapist.id} does not work at a clinic your login manages; ask head office or their clinic manager`,
      );
    }
    throw new ForbiddenError(
      `therapist ${therapist.id} also works at clinic(s) ${clinicsNotManagedBy(caller, therapist).join(', ')} that your login does not manage, and leave or leaving applies at every clinic; ask head office, or use unassignTherapistFromClinic to stop them working at your clinic`,
    );
  }

  private requireManagesClinic(caller: Caller, clinicId: string): void {
    if (!canManageClinicStaff(caller, clinicId)) {
      throw new ForbiddenError(
        `only head office or the manager of clinic ${clinicId} may change who works there`,
      );
    }
  }

  private async requireOpenClinics(clinicIds: readonly string[]): Promise<void> {
    for (const clinicId of clinicIds) {
      const clinic = await this.clinics.requireClinic(clinicId);
      if (clinic.status === 'closed') {
        throw new TherapistError(
          TherapistErrorCode.ClinicClosed,
          `clinic ${clinic.name} (${clinic.code}) is closed; therapists can only be assigned to clinics that are not closed`,
          { field: 'clinicIds', clinicId },
        );
      }
    }
  }
}

/** True unless the optional GraphQL argument was left out or given as null. */
function isGiven<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

function notFound(id: string): TherapistError {
  return new TherapistError(TherapistErrorCode.TherapistNotFound, `therapist ${id} does not exist`);
}

function requireTherapistId(id: string): void {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new TherapistError(
      TherapistErrorCode.InvalidTherapistId,
      `"${id}" is not a therapist id: therapist ids are UUIDs`,
      { field: 'id' },
    );
  }
}

function requireClinicId(id: string): void {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new TherapistError(
      TherapistErrorCode.InvalidClinicId,
      `"${id}" is not a clinic id: clinic ids are UUIDs`,
      { field: 'clinicId' },
    );
  }
}

function uniqueClinicIds(clinicIds: readonly string[]): string[] {
  if (clinicIds.length === 0) {
    throw new TherapistError(
      TherapistErrorCode.ClinicRequired,
      'a therapist must work at at least one clinic: give clinicIds',
      { field: 'clinicIds' },
    );
  }
  clinicIds.forEach(requireClinicId);
  return [...new Set(clinicIds.map((id) => id.toLowerCase()))];
}

function requireName(raw: string, field: 'givenName' | 'familyName'): string {
  const name = normalisePersonName(raw);
  if (name === undefined) {
    throw new TherapistError(
      TherapistErrorCode.InvalidName,
      `${field} must be 1–100 characters; got ${JSON.stringify(raw)}`,
      { field },
    );
  }
  return name;
}

function requireEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (email === undefined) {
    throw new TherapistError(
      TherapistErrorCode.InvalidEmail,
      'email is not an email address; use the form name@example.co.uk',
      { field: 'email' },
    );
  }
  return email;
}

function optionalPhone(raw: string | null): string | null {
  if (raw === null || raw.trim() === '') {
    return null;
  }
  const phone = normalisePhone(raw);
  if (phone === undefined) {
    throw new TherapistError(
      TherapistErrorCode.InvalidPhone,
      'phone must be 7–15 digits, optionally with a leading +, spaces, dashes or brackets, e.g. +44 113 496 0000',
      { field: 'phone' },
    );
  }
  return phone;
}

function requireHcpc(profession: Profession, raw: string | null): string | null {
  const check = checkHcpcNumber(profession, raw);
  if (check.ok) {
    return check.hcpcNumber;
  }
  switch (check.problem) {
    case 'required':
      throw new TherapistError(
        TherapistErrorCode.HcpcNumberRequired,
        'physiotherapists must be HCPC-registered: give hcpcNumber ("PH" and 5–6 digits, e.g. PH123456)',
        { field: 'hcpcNumber' },
      );
    case 'malformed':
      throw new TherapistError(
        TherapistErrorCode.InvalidHcpcNumber,
        `hcpcNumber ${JSON.stringify(raw)} is not an HCPC number; use "PH" and 5–6 digits, e.g. PH123456`,
        { field: 'hcpcNumber' },
      );
    default: {
      const unreachable: never = check.problem;
      throw new Error(`unknown HCPC problem ${String(unreachable)}`);
    }
  }
}

function uniqueSpecialties(specialties: readonly Specialty[]): Specialty[] {
  return [...new Set(specialties)];
}

function requireStillWorking(therapist: Therapist): void {
  if (therapist.status === 'left') {
    throw new TherapistError(
      TherapistErrorCode.TherapistHasLeft,
      `therapist ${therapist.id} left on ${therapist.leftOn ?? 'an earlier date'}; a therapist who left cannot be changed`,
    );
  }
}

function rowOf(therapist: Therapist): TherapistRow {
  return {
    id: therapist.id,
    givenName: therapist.givenName,
    familyName: therapist.familyName,
    email: therapist.email,
    phone: therapist.phone,
    profession: therapist.profession,
    hcpcNumber: therapist.hcpcNumber,
    specialties: therapist.specialties,
    status: therapist.status,
    leftOn: therapist.leftOn,
  };
}

function changedFields(before: Therapist, after: Therapist): string[] {
  const fields: (keyof Therapist)[] = [
    'givenName',
    'familyName',
    'email',
    'phone',
    'profession',
    'hcpcNumber',
    'specialties',
    'status',
  ];
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function redactFor(caller: Caller, therapist: Therapist): TherapistView {
  return maySeeContactDetails(caller) ? therapist : withoutContactDetails(therapist);
}

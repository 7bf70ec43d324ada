import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import type { Tx } from '@app/database';
import { TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AuditRepository } from './audit.repository';
import { AuditTrailError, AuditTrailErrorCode } from './audit-trail.errors';
import { AuditWriter } from './audit.writer';
import {
  decodeAuditCursor,
  DEFAULT_AUDIT_PAGE_SIZE,
  encodeAuditCursor,
  MAX_AUDIT_PAGE_SIZE,
} from './domain/audit-cursor';
import type { AuditEntry } from './domain/audit-entry';
import { auditTrailReads, mayReadAuditTrail } from './domain/audit-trail-access';
import type { AuditTrailFilter } from './domain/audit-trail-filter';

export interface AuditTrailPage {
  readonly edges: { readonly cursor: string; readonly node: AuditEntry }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

@Injectable()
export class AuditTrailService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly writer: AuditWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** Head office reads the audit trail, newest first; reading it about a client is audited. */
  async trail(
    caller: Caller,
    filter: AuditTrailFilter,
    first: number | null,
    after: string | null,
  ): Promise<AuditTrailPage> {
    if (!mayReadAuditTrail(caller)) {
      throw new ForbiddenError(
        `the audit trail is for head office (head_office_admin, clinical_lead); your token has ${caller.role}`,
      );
    }
    const checked = checkedFilter(filter);
    const limit = pageSizeOf(first);
    const beforeId = cursorOf(after);
    return this.transactions.run(async (tx) => {
      const rows = await this.audit.list(tx, checked, limit + 1, beforeId);
      const page = rows.slice(0, limit);
      const reads = auditTrailReads(checked, page);
      if (reads.length > 0) {
        await this.writer.record(tx, caller, ...reads);
      }
      const edges = page.map((node) => ({ cursor: encodeAuditCursor(node.id), node }));
      return {
        edges,
        hasNextPage: rows.length > limit,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      };
    });
  }
}

function checkedFilter(filter: AuditTrailFilter): AuditTrailFilter {
  for (const field of ['clientId', 'clinicId'] as const) {
    const value = filter[field];
    const wellFormed: boolean = value === undefined || isUuid(value);
    if (!wellFormed) {
      throw new AuditTrailError(
        AuditTrailErrorCode.InvalidFilter,
        `${field} "${String(value)}" is not a UUID; leave it out to see every ${field === 'clientId' ? 'client' : 'clinic'}`,
        { field },
      );
    }
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    throw new AuditTrailError(
      AuditTrailErrorCode.InvalidFilter,
      `from (${filter.from.toISOString()}) must be before to (${filter.to.toISOString()}); to is exclusive`,
      { field: 'to' },
    );
  }
  return {
    ...filter,
    ...(filter.clientId === undefined ? {} : { clientId: filter.clientId.toLowerCase() }),
    ...(filter.clinicId === undefined ? {} : { clinicId: filter.clinicId.toLowerCase() }),
  };
}

function pageSizeOf(first: number | null): number {
  const size = first ?? DEFAULT_AUDIT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_AUDIT_PAGE_SIZE) {
    throw new AuditTrailError(
      AuditTrailErrorCode.InvalidPageSize,
      `first must be 1–${MAX_AUDIT_PAGE_SIZE} (got ${size})`,
      { field: 'first' },
    );
  }
  return size;
}

function cursorOf(after: string | null): string | undefined {
  if (after === null) {
    return undefined;
  }
  const id = decodeAuditCursor(after);
  if (id === undefined) {
    throw new AuditTrailError(
      AuditTrailErrorCode.InvalidCursor,
      'after is not a cursor from the audit trail; pass the endCursor of the previous page',
      { field: 'after' },
    );
  }
  return id;
}

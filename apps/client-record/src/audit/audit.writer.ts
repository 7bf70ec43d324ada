import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@app/auth';
import type { Tx } from '@app/database';
import { currentCorrelationId } from '@app/observability';
import { AuditActor, AuditRecord } from './domain/audit-entry';
import { AuditRepository } from './audit.repository';

export function auditActorOf(caller: Caller): AuditActor {
  return {
    subject: caller.subject,
    role: caller.role,
    ...(caller.therapistId === undefined ? {} : { therapistId: caller.therapistId }),
  };
}

/**
 * Writes audit rows inside the caller's transaction: the row commits with the read or write
 * it describes, and a failed use case leaves none. Call it after the work succeeded.
 */
@Injectable()
export class AuditWriter {
  constructor(private readonly audit: AuditRepository) {}

  async record(tx: Tx, actor: Caller | AuditActor, ...records: AuditRecord[]): Promise<void> {
    const who = 'clinicIds' in actor ? auditActorOf(actor) : actor;
    const correlationId = currentCorrelationId() ?? randomUUID();
    await this.audit.insert(tx, who, correlationId, records);
  }
}

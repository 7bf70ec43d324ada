import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import { ConsentChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessService } from '../access/client-access.service';
import type { ClientScope } from '../access/domain/client-scope';
import { AuditWriter } from '../audit/audit.writer';
import { ConsentFormsService } from '../consent-forms/consent-forms.service';
import { ConsentError, ConsentErrorCode } from './consent.errors';
import { ConsentRepository } from './consent.repository';
import {
  checkConsentChange,
  ConsentChange,
  ConsentChangeDraft,
  ConsentEntry,
  ConsentProblemCode,
  currentConsents,
  outcomeOf,
} from './domain/consent';

const ERROR_OF_PROBLEM: Readonly<Record<ConsentProblemCode, ConsentErrorCode>> = {
  CHANNEL_REQUIRED: ConsentErrorCode.ChannelRequired,
  CHANNEL_NOT_ALLOWED: ConsentErrorCode.ChannelNotAllowed,
  FORM_VERSION_REQUIRED: ConsentErrorCode.FormVersionRequired,
  METHOD_NOT_ALLOWED: ConsentErrorCode.MethodNotAllowed,
  INVALID_EFFECTIVE_AT: ConsentErrorCode.InvalidEffectiveAt,
};

/** The consent ledger: every grant and withdrawal is a new entry; nothing is changed. */
@Injectable()
export class ConsentService {
  constructor(
    private readonly ledger: ConsentRepository,
    private readonly forms: ConsentFormsService,
    private readonly access: ClientAccessService,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /**
   * consent:write (the client's clinic staff, head office, the client themself). A grant
   * repeating the current one returns it unchanged (no entry, no event); withdrawing what
   * is not granted is CONSENT_NOT_GRANTED.
   */
  async record(caller: Caller, clientId: string, draft: ConsentChangeDraft): Promise<ConsentEntry> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'consent:write');
      const now = new Date();
      const change = requireChange(draft, caller, now);
      await this.requireForm(change);
      await this.ledger.lockClientLedger(tx, scope.clientId);
      const current = await this.ledger.current(tx, scope.clientId, change.kind, change.channel);
      switch (outcomeOf(current, change)) {
        case 'unchanged':
          if (current === undefined) {
            throw new Error('an unchanged consent has a current entry');
          }
          return current;
        case 'not_granted':
          throw new ConsentError(
            ConsentErrorCode.NotGranted,
            `client ${scope.clientId} has not granted ${describe(change)}; there is nothing to withdraw`,
            { field: 'kind' },
          );
        case 'record':
          return this.append(tx, caller, scope, change, now);
        default:
          throw new Error('unknown consent outcome');
      }
    });
  }

  /** consent:read: the current entry per kind and channel (never recorded: absent). */
  async current(caller: Caller, clientId: string): Promise<ConsentEntry[]> {
    return currentConsents(await this.history(caller, clientId));
  }

  /** consent:read: every entry, newest first. */
  async history(caller: Caller, clientId: string): Promise<ConsentEntry[]> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'consent:read');
      return this.ledger.history(tx, scope.clientId);
    });
  }

  private async append(
    tx: Tx,
    caller: Caller,
    scope: ClientScope,
    change: ConsentChange,
    now: Date,
  ): Promise<ConsentEntry> {
    const entry: ConsentEntry = {
      id: randomUUID(),
      clientId: scope.clientId,
      ...change,
      recordedAt: now,
      recordedBySubject: caller.subject,
      recordedByRole: caller.role,
    };
    await this.ledger.insert(tx, entry);
    const clinicId =
      scope.clinicIds.find((id) => caller.clinicIds.includes(id)) ?? scope.clinicIds[0] ?? null;
    await this.outbox.append(tx, ConsentChangedV1, {
      aggregateId: entry.clientId,
      clinicId,
      data: {
        clientId: entry.clientId,
        clinicIds: [...scope.clinicIds],
        consentId: entry.id,
        kind: entry.kind,
        channel: entry.channel,
        granted: entry.granted,
        formVersionId: entry.formVersionId,
        method: entry.method,
        effectiveAt: entry.effectiveAt.toISOString(),
      },
    });
    await this.audit.record(tx, caller, {
      clientId: entry.clientId,
      clinicId,
      recordType: 'consent',
      recordId: entry.id,
      action: 'create',
    });
    return entry;
  }

  private async requireForm(change: ConsentChange): Promise<void> {
    if (change.formVersionId === null) {
      return;
    }
    // A malformed id is "no such form" (never a uuid comparison Postgres would refuse).
    const wellFormed: boolean = isUuid(change.formVersionId);
    const form = wellFormed ? await this.forms.byId(change.formVersionId) : undefined;
    if (form === undefined) {
      throw new ConsentError(
        ConsentErrorCode.FormVersionNotFound,
        `no consent form version ${change.formVersionId}; pick one from consentForms`,
        { field: 'formVersionId' },
      );
    }
    if (form.kind !== change.kind) {
      throw new ConsentError(
        ConsentErrorCode.FormVersionOfOtherKind,
        `consent form ${form.id} is the ${form.kind} form, not ${change.kind}; pick the ${change.kind} form from consentForms`,
        { field: 'formVersionId' },
      );
    }
  }
}

function requireChange(draft: ConsentChangeDraft, caller: Caller, now: Date): ConsentChange {
  const check = checkConsentChange(draft, caller.role, now);
  if (!check.ok) {
    throw new ConsentError(ERROR_OF_PROBLEM[check.problem.code], check.problem.message, {
      field: check.problem.field,
    });
  }
  return check.change;
}

function describe(change: ConsentChange): string {
  return change.channel === null
    ? `${change.kind} consent`
    : `${change.kind} consent by ${change.channel}`;
}

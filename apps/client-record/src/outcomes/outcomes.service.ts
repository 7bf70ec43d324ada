import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import type { Tx } from '@app/database';
import { TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessService } from '../access/client-access.service';
import { AuditWriter } from '../audit/audit.writer';
import type { AuditRecord } from '../audit/domain/audit-entry';
import { CONDITIONS } from '../screening/domain/screening-terms';
import {
  aggregateByClinic,
  aggregateByCondition,
  aggregateOutcomes,
  ClientOutcomeRow,
  clinicOutcomesOf,
  GroupedAggregate,
  OutcomeAggregate,
} from './domain/outcome-summary';
import { outcomeSummaryScope } from './domain/outcome-summary-scope';
import { painOutcomeOf, PainOutcome } from './domain/pain-outcome';
import { OutcomeError, OutcomeErrorCode } from './outcomes.errors';
import { OutcomesRepository } from './outcomes.repository';

export interface ClientOutcome {
  readonly clientId: string;
  readonly ratedSessions: number;
  /** Undefined with fewer than two rated sessions. */
  readonly outcome: PainOutcome | undefined;
}

export interface OutcomeSummary {
  readonly clinicId: string | null;
  readonly condition: string | null;
  readonly overall: OutcomeAggregate;
  readonly byClinic: GroupedAggregate<string>[];
  readonly byCondition: GroupedAggregate<string>[];
}

@Injectable()
export class OutcomesService {
  constructor(
    private readonly outcomes: OutcomesRepository,
    private readonly access: ClientAccessService,
    private readonly audit: AuditWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** First vs latest pre-session NPRS of one client (clinical:read); the read is audited. */
  async clientOutcome(caller: Caller, clientId: string): Promise<ClientOutcome> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:read');
      const ratings = await this.outcomes.ratingsOf(tx, scope.clientId);
      const latest = ratings[ratings.length - 1];
      await this.audit.record(tx, caller, {
        clientId: scope.clientId,
        clinicId: latest?.clinicId ?? (scope.clinicIds.length === 1 ? scope.clinicIds[0] : null),
        recordType: 'outcome',
        action: 'read',
      });
      return {
        clientId: scope.clientId,
        ratedSessions: ratings.length,
        outcome: painOutcomeOf(ratings),
      };
    });
  }

  /**
   * Aggregates for head office (any clinic, or the network) and clinic managers (their
   * clinics). Only sessions that took place at the covered clinics count (a manager never
   * sees another clinic's sessions); byClinic gives each clinic the outcomes of the sessions
   * held there. Audited as one read per clinic covered, without a client.
   */
  async summary(
    caller: Caller,
    clinicId: string | undefined,
    condition: string | undefined,
  ): Promise<OutcomeSummary> {
    const clinic = clinicId === undefined ? undefined : requireClinicId(clinicId);
    if (condition !== undefined && !(CONDITIONS as readonly string[]).includes(condition)) {
      throw new OutcomeError(
        OutcomeErrorCode.InvalidCondition,
        `condition "${condition}" is not a screening condition; use one of ${CONDITIONS.join(', ')}`,
        { field: 'condition' },
      );
    }
    const scope = outcomeSummaryScope(caller, clinic);
    if (!scope.allowed) {
      throw new ForbiddenError(scope.reason);
    }
    return this.transactions.run(async (tx) => {
      const clients = await this.outcomes.clientsWithRatings(tx, scope.clinicIds, condition);
      const rows: ClientOutcomeRow[] = clients.map((client) => ({
        clientId: client.clientId,
        conditions: client.conditions,
        outcome: painOutcomeOf(client.ratings),
      }));
      const byClinic = aggregateByClinic(
        clients.flatMap((client) => clinicOutcomesOf(client.clientId, client.ratings)),
      ).filter((group) => scope.clinicIds === undefined || scope.clinicIds.includes(group.key));
      const byCondition = aggregateByCondition(rows).filter(
        (group) => condition === undefined || group.key === condition,
      );
      const covered = scope.clinicIds ?? byClinic.map((group) => group.key);
      const reads: AuditRecord[] = (covered.length === 0 ? [null] : covered).map((id) => ({
        clientId: null,
        clinicId: id,
        recordType: 'outcome',
        action: 'read',
      }));
      await this.audit.record(tx, caller, ...reads);
      return {
        clinicId: clinic ?? null,
        condition: condition ?? null,
        overall: aggregateOutcomes(rows),
        byClinic,
        byCondition,
      };
    });
  }
}

function requireClinicId(clinicId: string): string {
  const wellFormed: boolean = isUuid(clinicId);
  if (!wellFormed) {
    throw new OutcomeError(
      OutcomeErrorCode.InvalidClinicId,
      `clinicId "${clinicId}" is not a clinic id (a UUID); leave it out for every clinic you may see`,
      { field: 'clinicId' },
    );
  }
  return clinicId.toLowerCase();
}

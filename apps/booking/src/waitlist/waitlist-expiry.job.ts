import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { EventActor, WaitlistExpiredV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { IntervalSweep, SweepRunResult } from '@app/platform/jobs/interval-sweep';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { BOOKING_CLOCK, BookingClock, systemClock } from '../bookings/booking-clock';
import { windowHasPassed } from './domain/waitlist-rules';
import { WaitlistRepository } from './waitlist.repository';

export const WAITLIST_EXPIRY_INTERVAL_MS = 15 * 60_000;
/** Entries expired per run at most; a larger backlog is worked off by the following runs. */
export const WAITLIST_EXPIRY_BATCH = 500;
const JOB_ACTOR: EventActor = { type: 'system', id: 'booking-waitlist-expiry-job' };
const DAY_MS = 86_400_000;

export type WaitlistExpiryRunResult = SweepRunResult;

interface Candidate {
  readonly id: string;
  readonly toDate: string;
  readonly timezone: string;
}

/**
 * Closes waiting entries whose window has passed (its last date is before the clinic's
 * today, in the clinic's timezone) as `expired`, with waitlist.expired in the outbox in
 * the same transaction. Every 15 minutes and at start-up (catching up after downtime),
 * under an advisory lock so one replica runs; each entry in a transaction of its own,
 * locked with SKIP LOCKED (an entry a freed slot is being offered to right now is left to
 * that offer and looked at again next run). Entries with an outstanding offer are not
 * touched: the offer expires (or is taken) on its own.
 */
@Injectable()
export class WaitlistExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sweep: IntervalSweep<Tx, Candidate>;

  constructor(
    private readonly entries: WaitlistRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) logger: Logger,
    @Optional() @Inject(BOOKING_CLOCK) clock: BookingClock = systemClock,
  ) {
    this.sweep = new IntervalSweep({
      job: 'booking-waitlist-expiry',
      itemName: 'waitlist entry',
      actor: JOB_ACTOR,
      intervalMs: WAITLIST_EXPIRY_INTERVAL_MS,
      transactions,
      logger,
      now: () => clock.now(),
      tryLock: (lockTx) => this.entries.tryLockExpiryJob(lockTx),
      due: (lockTx, now) => this.due(lockTx, now),
      key: (candidate) => candidate.id,
      expire: (tx, candidate, now) => this.expire(tx, candidate, now),
    });
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }

  /** Expires every waiting entry whose window has passed at `now`; safe to call any number of times. */
  runAt(now: Date): Promise<WaitlistExpiryRunResult> {
    return this.sweep.runAt(now);
  }

  /**
   * No clinic's today is later than the UTC date after `now`'s, so the entries ending before
   * that are the only ones that can have passed; the clinic's timezone decides for each.
   */
  private async due(lockTx: Tx, now: Date): Promise<Candidate[]> {
    const dayAfterUtc = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
    const candidates = await this.entries.waitingEndingBefore(
      lockTx,
      dayAfterUtc,
      WAITLIST_EXPIRY_BATCH,
    );
    return candidates.filter((c) => windowHasPassed(c.toDate, now, c.timezone));
  }

  private async expire(tx: Tx, candidate: Candidate, now: Date): Promise<boolean> {
    const entry = await this.entries.lockSkipLocked(tx, candidate.id);
    if (
      entry === undefined ||
      entry.status !== 'waiting' ||
      !windowHasPassed(entry.toDate, now, candidate.timezone)
    ) {
      return false;
    }
    const next = await this.entries.update(tx, { ...entry, status: 'expired', closedAt: now });
    await this.outbox.append(tx, WaitlistExpiredV1, {
      aggregateId: next.id,
      clinicId: next.clinicId,
      actor: JOB_ACTOR,
      data: {
        entryId: next.id,
        clinicId: next.clinicId,
        clientId: next.clientId,
        treatmentId: next.treatmentId,
        therapistId: next.therapistId,
        fromDate: next.fromDate,
        toDate: next.toDate,
        expiredAt: now.toISOString(),
      },
    });
    return true;
  }
}

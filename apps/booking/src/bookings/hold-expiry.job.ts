import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { BookingHoldExpiredV1, EventActor } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { IntervalSweep, SweepRunResult } from '@app/platform/jobs/interval-sweep';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { BOOKING_CLOCK, BookingClock, systemClock } from './booking-clock';
import { bookingStateOf } from './booking-event-data';
import { BookingsRepository } from './bookings.repository';
import { transition } from './domain/booking-state-machine';

export const HOLD_EXPIRY_INTERVAL_MS = 15_000;
const JOB_ACTOR: EventActor = { type: 'system', id: 'booking-hold-expiry-job' };

export type HoldExpiryRunResult = SweepRunResult;

/**
 * Expires holds not confirmed in time: every 15 s (and at start-up, catching up on holds
 * that came due while the service was down), under an advisory lock so one replica runs;
 * each hold in a transaction of its own, locked with SKIP LOCKED (a hold being confirmed
 * right now is left to that confirmation), marked hold_expired with booking.hold_expired in
 * the outbox in the same transaction.
 */
@Injectable()
export class HoldExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sweep: IntervalSweep<Tx, string>;

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) logger: Logger,
    @Optional() @Inject(BOOKING_CLOCK) clock: BookingClock = systemClock,
  ) {
    this.sweep = new IntervalSweep({
      job: 'booking-hold-expiry',
      itemName: 'hold',
      actor: JOB_ACTOR,
      intervalMs: HOLD_EXPIRY_INTERVAL_MS,
      transactions,
      logger,
      now: () => clock.now(),
      tryLock: (lockTx) => this.bookings.tryLockExpiryJob(lockTx),
      due: (lockTx, now) => this.bookings.dueHolds(lockTx, now),
      key: (id) => id,
      expire: (tx, id, now) => this.expire(tx, id, now),
    });
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }

  /** Expires every hold due at `now`; safe to call any number of times. */
  runAt(now: Date): Promise<HoldExpiryRunResult> {
    return this.sweep.runAt(now);
  }

  private async expire(tx: Tx, id: string, now: Date): Promise<boolean> {
    const current = await this.bookings.lockHoldSkipLocked(tx, id);
    if (
      current === undefined ||
      current.status !== 'held' ||
      current.holdExpiresAt === null ||
      current.holdExpiresAt > now
    ) {
      return false;
    }
    const next = await this.bookings.update(tx, {
      ...current,
      status: transition(current.status, 'expire_hold'),
      updatedAt: now,
    });
    await this.outbox.append(tx, BookingHoldExpiredV1, {
      aggregateId: next.id,
      clinicId: next.clinicId,
      actor: JOB_ACTOR,
      data: { ...bookingStateOf(next), status: 'expired' },
    });
    return true;
  }
}

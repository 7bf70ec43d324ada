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
import { DailyJobSchedule, runEachUnderLock } from '@app/platform/jobs/daily-job-schedule';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { BOOKING_CLOCK, BookingClock, systemClock } from './booking-clock';
import { bookingStateOf } from './booking-event-data';
import { BookingsRepository } from './bookings.repository';
import { transition } from './domain/booking-state-machine';

export const HOLD_EXPIRY_INTERVAL_MS = 15_000;
const JOB_ACTOR: EventActor = { type: 'system', id: 'booking-hold-expiry-job' };

export interface HoldExpiryRunResult {
  readonly ran: boolean;
  readonly expired: readonly string[];
  readonly failed: readonly string[];
}

/**
 * Expires holds not confirmed in time: every 15 s (and at start-up, catching up on holds
 * that came due while the service was down), under an advisory lock so one replica runs;
 * each hold in a transaction of its own, locked with SKIP LOCKED (a hold being confirmed
 * right now is left to that confirmation), marked hold_expired with booking.hold_expired in
 * the outbox in the same transaction.
 */
@Injectable()
export class HoldExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: DailyJobSchedule<HoldExpiryRunResult>;

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(BOOKING_CLOCK) private readonly clock: BookingClock = systemClock,
  ) {
    this.schedule = new DailyJobSchedule({
      job: 'booking-hold-expiry',
      actor: JOB_ACTOR,
      scheduledRun: () => this.runAt(this.clock.now()),
      nextRunAt: (now, failedRuns) =>
        new Date(now.getTime() + HOLD_EXPIRY_INTERVAL_MS * Math.min(1 + failedRuns, 4)),
      summarise: (result) => ({
        failed: result.failed.length,
        fields: { ran: result.ran, expired: result.expired.length },
        message: `hold expiry: ${result.expired.length} expired, ${result.failed.length} failed`,
      }),
      logger,
    });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** Expires every hold due at `now`; safe to call any number of times. */
  async runAt(now: Date): Promise<HoldExpiryRunResult> {
    return this.schedule.run(async () => {
      const { ran, done, failed } = await runEachUnderLock({
        transactions: this.transactions,
        tryLock: (lockTx) => this.bookings.tryLockExpiryJob(lockTx),
        items: (lockTx) => this.bookings.dueHolds(lockTx, now),
        key: (id) => id,
        each: (tx, id) => this.expire(tx, id, now),
        onFailure: (id, error) =>
          this.logger.error(
            { job: 'booking-hold-expiry', bookingId: id, err: error },
            `expiring hold ${id} failed; it will be retried`,
          ),
      });
      return { ran, expired: done, failed };
    });
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

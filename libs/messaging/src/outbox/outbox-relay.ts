import { Client, Pool, PoolClient } from 'pg';
import { backoffDelay, sleep } from '../backoff';
import { MessageBus, OutgoingMessage } from '../message-bus';
import { MessagingLog, silentLog } from '../messaging-log';
import { MessagingMetrics, noMetrics } from '../messaging-metrics';
import { OUTBOX_CHANNEL } from './messaging-tables';

export interface OutboxRelayOptions {
  readonly databaseUrl: string;
  readonly bus: MessageBus;
  /** Wake on NOTIFY from the outbox trigger (default). Off: rely on the poll alone. */
  readonly listen?: boolean;
  /** Fallback poll, for missed notifications and for retrying after failures. */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  /** Published rows are kept this long (for inspection and replays), then pruned. */
  readonly retainPublishedMs?: number;
  readonly log?: MessagingLog;
  readonly metrics?: MessagingMetrics;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  envelope: unknown;
  headers: Record<string, string>;
}

/** Published outbox rows are pruned at most this often, after a drain. */
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;
const DEFAULT_RETAIN_PUBLISHED_MS = 7 * 24 * 60 * 60 * 1000;

/** How soon a lost LISTEN connection is re-established (the poll covers the gap). */
const RELISTEN_DELAY_MS = 500;

/** Serialises draining across relay instances of one service database (any constant works). */
const RELAY_LOCK_KEY = 0x6f7574626f78; // "outbox"

/**
 * Publishes committed outbox rows to Kafka in id order, which per aggregate is commit order
 * (see OutboxWriter).
 *
 * Each drain runs in one transaction: it takes a transaction-scoped advisory lock (so only one
 * relay instance drains at a time and order per key holds across instances), claims rows with
 * FOR UPDATE SKIP LOCKED, publishes them, and marks them published. If publishing fails the
 * transaction rolls back and the rows are tried again; if the relay dies after publishing but
 * before commit, the rows are sent again and consumers drop the duplicates by event id.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private readonly log: MessagingLog;
  private readonly metrics: MessagingMetrics;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private listener: Client | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private running = false;
  private draining: Promise<void> | undefined;
  private wakeRequested = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private lastPruneAt = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
    this.pool.on('error', (error) => this.log.warn({ err: error }, 'outbox relay pool error'));
    this.log = options.log ?? silentLog;
    this.metrics = options.metrics ?? noMetrics;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 200;
  }

  async start(): Promise<void> {
    this.running = true;
    if (this.options.listen ?? true) {
      await this.listen();
    }
    this.pollTimer = setInterval(() => this.wake(), this.pollIntervalMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    await this.draining;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** Asks for a drain; calls while one runs coalesce into one more pass. */
  wake(): void {
    if (!this.running) {
      return;
    }
    if (this.draining !== undefined) {
      this.wakeRequested = true;
      return;
    }
    this.draining = this.drainUntilEmpty().finally(() => {
      this.draining = undefined;
      if (this.wakeRequested && this.running) {
        this.wakeRequested = false;
        this.wake();
      }
    });
  }

  /** Publishes everything pending now; resolves when the outbox is empty (for tests and tools). */
  async flush(timeoutMs = 60_000): Promise<void> {
    if (!this.running) {
      throw new Error('the outbox relay is not running: start() it before flush()');
    }
    const deadline = Date.now() + timeoutMs;
    while ((await this.backlog()) > 0) {
      if (Date.now() > deadline) {
        throw new Error(`the outbox was not empty after ${timeoutMs} ms: is Kafka reachable?`);
      }
      this.wake();
      await this.draining;
      await sleep(20);
    }
  }

  /** Deletes rows published longer ago than the retention; returns how many. */
  async prunePublished(): Promise<number> {
    const retainMs = this.options.retainPublishedMs ?? DEFAULT_RETAIN_PUBLISHED_MS;
    const result = await this.pool.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL
        AND published_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [retainMs],
    );
    return result.rowCount ?? 0;
  }

  async backlog(): Promise<number> {
    const result = await this.pool.query<{ count: string }>(
      'SELECT count(*) AS count FROM outbox WHERE published_at IS NULL',
    );
    const count = Number(result.rows[0]?.count ?? 0);
    this.metrics.outboxBacklog(count);
    return count;
  }

  private async drainUntilEmpty(): Promise<void> {
    if (this.retryTimer !== undefined) {
      return; // a retry after a failure is already scheduled; keep its backoff.
    }
    try {
      let published: number;
      do {
        published = await this.drainOnce();
      } while (published === this.batchSize && this.running);
      this.failures = 0;
      await this.backlog();
      if (Date.now() - this.lastPruneAt > PRUNE_INTERVAL_MS) {
        this.lastPruneAt = Date.now();
        await this.prunePublished();
      }
    } catch (error) {
      if (!this.running) {
        return; // stopping: nothing to retry
      }
      this.failures += 1;
      const delay = backoffDelay(this.failures, 250, 10_000);
      this.log.warn(
        { err: error, attempt: this.failures, retryInMs: delay },
        'outbox relay could not publish; events stay in the outbox and will be retried',
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.wake();
      }, delay);
    }
  }

  private async drainOnce(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const lock = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [RELAY_LOCK_KEY],
      );
      if (lock.rows[0]?.locked !== true) {
        await client.query('ROLLBACK');
        return 0; // another relay instance is draining; its NOTIFY-driven loop covers these rows.
      }
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, topic, message_key, envelope, headers FROM outbox
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      for (const [topic, messages] of groupByTopic(rows)) {
        await this.options.bus.publish(topic, messages);
      }
      await client.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [
        rows.map((row) => row.id),
      ]);
      await client.query('COMMIT');
      this.metrics.outboxPublished(rows.length);
      return rows.length;
    } catch (error) {
      await rollbackQuietly(client);
      throw error;
    } finally {
      client.release();
    }
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.options.databaseUrl });
    listener.on('notification', () => this.wake());
    let lost = false;
    const onLost = (error?: Error): void => {
      if (lost) {
        return;
      }
      lost = true;
      if (this.listener === listener) {
        this.listener = undefined;
      }
      if (!this.running) {
        return;
      }
      this.log.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
      void listener.end().catch(() => undefined);
      setTimeout(() => void this.relisten(), RELISTEN_DELAY_MS);
    };
    listener.on('error', onLost);
    listener.on('end', () => onLost());
    await listener.connect();
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = listener;
  }

  private async relisten(): Promise<void> {
    if (!this.running || this.listener !== undefined) {
      return;
    }
    try {
      await this.listen();
      this.wake();
    } catch (error) {
      this.log.warn({ err: error }, 'outbox LISTEN reconnect failed; will try again');
      setTimeout(() => void this.relisten(), RELISTEN_DELAY_MS);
    }
  }
}

function groupByTopic(rows: readonly OutboxRow[]): Map<string, OutgoingMessage[]> {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: JSON.stringify(row.envelope),
      headers: row.headers,
    });
    byTopic.set(row.topic, messages);
  }
  return byTopic;
}

async function rollbackQuietly(client: PoolClient): Promise<void> {
  await client.query('ROLLBACK').catch(() => undefined);
}

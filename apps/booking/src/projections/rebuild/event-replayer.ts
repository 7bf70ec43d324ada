import { envelopeSchema, EventDefinition, eventKey, EventEnvelope } from '@app/contracts';
import type {
  EventHandler,
  IncomingMessage,
  MessageBus,
  PartitionOffsets,
  SqlRunner,
} from '@app/messaging';
import type { EventHandlerRegistry } from '../event-handler-registry';
import { ReplayPosition } from './replay-position';

/** How a replay dealt with the messages of one topic. */
export interface TopicReplayCounts {
  readonly topic: string;
  /** Messages the replay reads (the topic's size when it started, minus what retention removed). */
  readonly total: number;
  /** Applied by a projection handler. */
  applied: number;
  /** Events no projection handles (other consumers' concern), skipped as the live consumer does. */
  ignored: number;
  /** An event id already applied in this replay (a redelivery), as the inbox would skip it. */
  duplicates: number;
  /** Not a valid envelope, unknown version or data off its schema: the live consumer dead-letters these. */
  invalid: number;
  /** The handler failed: rolled back to before the event, as the live consumer dead-letters it. */
  failed: number;
}

export interface ReplayFailure {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly eventId: string | null;
  readonly reason: string;
}

export interface ReplayReport {
  readonly topics: readonly TopicReplayCounts[];
  readonly failures: readonly ReplayFailure[];
}

export interface ReplayOptions<Tx extends SqlRunner> {
  readonly bus: MessageBus;
  /** A group of its own, so the replay starts at the beginning and the live group is untouched. */
  readonly groupId: string;
  /** Each topic's partition offsets read when the replay started: it stops there. */
  readonly ends: ReadonlyMap<string, readonly PartitionOffsets[]>;
  /** Every event is applied inside this one transaction (each behind a savepoint). */
  readonly tx: Tx;
  /** Fails the replay when no message arrives for this long while partitions are behind. */
  readonly idleTimeoutMs?: number;
  readonly onProgress?: (counts: readonly TopicReplayCounts[]) => void;
  /** Progress is reported after this many messages (and once at the end). */
  readonly progressEvery?: number;
}

interface Registration<Tx extends SqlRunner> {
  readonly definition: EventDefinition;
  readonly handle: (event: EventEnvelope, tx: Tx) => Promise<void>;
}

const SAVEPOINT = 'projection_replay_event';

/**
 * Replays topics from the beginning into the handlers registered with `on()`, the same
 * handlers the live consumers register on EVENT_CONSUMER, validating each event as the live
 * consumer does, and stops once every partition reached the end offsets read at the start.
 */
export class EventReplayer<Tx extends SqlRunner> implements EventHandlerRegistry<Tx> {
  private readonly registrations = new Map<string, Registration<Tx>>();

  on<D extends EventDefinition>(definition: D, handle: EventHandler<D, Tx>): this {
    const key = eventKey(definition);
    if (this.registrations.has(key)) {
      throw new Error(`the projection replay already handles ${key}`);
    }
    this.registrations.set(key, {
      definition,
      handle: handle as (event: EventEnvelope, tx: Tx) => Promise<void>,
    });
    return this;
  }

  /** The topics of every registered event type. */
  topics(): string[] {
    return [...new Set([...this.registrations.values()].map((r) => r.definition.topic))].sort();
  }

  async replay(options: ReplayOptions<Tx>): Promise<ReplayReport> {
    const position = new ReplayPosition(options.ends);
    const counts = new Map<string, TopicReplayCounts>(
      [...position.totalsByTopic()].map(([topic, total]) => [
        topic,
        {
          topic,
          total: Number(total),
          applied: 0,
          ignored: 0,
          duplicates: 0,
          invalid: 0,
          failed: 0,
        },
      ]),
    );
    const failures: ReplayFailure[] = [];
    const report = (): ReplayReport => ({ topics: [...counts.values()], failures });
    if (position.isCaughtUp()) {
      options.onProgress?.(report().topics);
      return report();
    }

    const seen = new Set<string>();
    const progressEvery = options.progressEvery ?? 500;
    let handled = 0;
    let lastActivity = Date.now();
    let settled = false;
    let finish: (error?: Error) => void = () => undefined;
    const finished = new Promise<void>((resolve, reject) => {
      finish = (error) => {
        if (!settled) {
          settled = true;
          if (error === undefined) {
            resolve();
          } else {
            reject(error);
          }
        }
      };
    });

    const subscription = await options.bus.subscribe({
      groupId: options.groupId,
      topics: [...options.ends.keys()],
      fromBeginning: true,
      handler: async (message) => {
        lastActivity = Date.now();
        if (
          settled ||
          position.verdict(message.topic, message.partition, message.offset) !== 'apply'
        ) {
          return;
        }
        const topicCounts = counts.get(message.topic);
        if (topicCounts === undefined) {
          return;
        }
        try {
          await this.applyOne(message, options.tx, seen, topicCounts, failures);
        } catch (error) {
          // The savepoint could not be rolled back: the transaction is gone, so is the replay.
          finish(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        position.passed(message.topic, message.partition, message.offset);
        handled += 1;
        if (handled % progressEvery === 0) {
          options.onProgress?.(report().topics);
        }
        if (position.isCaughtUp()) {
          finish();
        }
      },
      onCrash: (error) => finish(error),
    });

    const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    const watchdog = setInterval(
      () => {
        if (Date.now() - lastActivity > idleTimeoutMs) {
          finish(
            new Error(
              `projection replay stalled: no message for ${idleTimeoutMs} ms while behind on ${position.behind().join(', ')}`,
            ),
          );
        }
      },
      Math.min(1_000, idleTimeoutMs),
    );
    try {
      await finished;
    } finally {
      clearInterval(watchdog);
      await subscription.stop();
    }
    options.onProgress?.(report().topics);
    return report();
  }

  private async applyOne(
    message: IncomingMessage,
    tx: Tx,
    seen: Set<string>,
    counts: TopicReplayCounts,
    failures: ReplayFailure[],
  ): Promise<void> {
    const parsed = this.parse(message);
    if (parsed.kind === 'ignored') {
      counts.ignored += 1;
      return;
    }
    if (parsed.kind === 'invalid') {
      counts.invalid += 1;
      return;
    }
    const { event, registration } = parsed;
    if (seen.has(event.eventId)) {
      counts.duplicates += 1;
      return;
    }
    seen.add(event.eventId);
    await tx.query(`SAVEPOINT ${SAVEPOINT}`);
    try {
      await registration.handle(event, tx);
      await tx.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
      counts.applied += 1;
    } catch (error) {
      await tx.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
      counts.failed += 1;
      failures.push({
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        eventId: event.eventId,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private parse(
    message: IncomingMessage,
  ):
    | { kind: 'ignored' }
    | { kind: 'invalid' }
    | { kind: 'event'; event: EventEnvelope; registration: Registration<Tx> } {
    if (message.value === null) {
      return { kind: 'invalid' };
    }
    let json: unknown;
    try {
      json = JSON.parse(message.value);
    } catch {
      return { kind: 'invalid' };
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      return { kind: 'invalid' };
    }
    const registration = this.registrations.get(
      eventKey({ type: envelope.data.type, version: envelope.data.schemaVersion }),
    );
    if (registration === undefined) {
      const handlesType = [...this.registrations.values()].some(
        (r) => r.definition.type === envelope.data.type,
      );
      return { kind: handlesType ? 'invalid' : 'ignored' };
    }
    const data = registration.definition.schema.safeParse(envelope.data.data);
    if (!data.success) {
      return { kind: 'invalid' };
    }
    return { kind: 'event', event: { ...envelope.data, data: data.data }, registration };
  }
}

import {
  dlqTopicOf,
  envelopeSchema,
  EventData,
  EventDefinition,
  eventKey,
  EventEnvelope,
} from '@app/contracts';
import { runWithContext } from '@app/observability/request-context';
import { backoffDelay, sleep } from '../backoff';
import { HEADERS } from '../headers';
import { IncomingMessage, MessageBus, MessageContext, Subscription } from '../message-bus';
import { MessagingLog, silentLog } from '../messaging-log';
import { MessagingMetrics, noMetrics } from '../messaging-metrics';
import { SqlRunner, TransactionRunner } from '../sql';
import { isTransientError } from '../transient-error';

export type EventHandler<D extends EventDefinition, Tx extends SqlRunner> = (
  event: EventEnvelope<EventData<D>>,
  tx: Tx,
) => Promise<void>;

export interface EventConsumerOptions<Tx extends SqlRunner> {
  readonly bus: MessageBus;
  readonly transactions: TransactionRunner<Tx>;
  /** The consumer group; also the inbox's namespace, so two groups each process an event. */
  readonly groupId: string;
  readonly maxRetries?: number;
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  readonly log?: MessagingLog;
  readonly metrics?: MessagingMetrics;
  /** Called when the consumer has stopped for good (e.g. it cannot reach the DLQ). */
  readonly onFatal?: (error: Error) => void;
}

interface Registration<Tx extends SqlRunner> {
  readonly definition: EventDefinition;
  readonly handle: (event: EventEnvelope, tx: Tx) => Promise<void>;
}

/** A message that can never be processed, whatever the retries: it goes straight to the DLQ. */
class PoisonMessage extends Error {}

/**
 * An idempotent consumer. For each message: validate the envelope and the data against the
 * event's schema, then in ONE transaction record the event id in the inbox and run the
 * handler; a second delivery finds the inbox row and does nothing. The offset is committed
 * only after that transaction. A handler that keeps failing is retried with backoff, then
 * the message goes to `<topic>.dlq` with its original headers and the error, and the
 * partition moves on.
 */
export class EventConsumer<Tx extends SqlRunner> {
  private readonly registrations = new Map<string, Registration<Tx>>();
  private readonly log: MessagingLog;
  private readonly metrics: MessagingMetrics;
  private subscription: Subscription | undefined;
  private stopping = false;

  constructor(private readonly options: EventConsumerOptions<Tx>) {
    this.log = options.log ?? silentLog;
    this.metrics = options.metrics ?? noMetrics;
  }

  on<D extends EventDefinition>(definition: D, handle: EventHandler<D, Tx>): this {
    const key = eventKey(definition);
    if (this.registrations.has(key)) {
      throw new Error(`${this.options.groupId} already handles ${key}`);
    }
    this.registrations.set(key, {
      definition,
      handle: handle as (event: EventEnvelope, tx: Tx) => Promise<void>,
    });
    return this;
  }

  hasHandlers(): boolean {
    return this.registrations.size > 0;
  }

  /** Subscribes to the topics of every registered event type. */
  async start(): Promise<void> {
    const topics = [...new Set([...this.registrations.values()].map((r) => r.definition.topic))];
    if (topics.length === 0) {
      throw new Error(`${this.options.groupId} has no event handlers; register them with on()`);
    }
    this.subscription = await this.options.bus.subscribe({
      groupId: this.options.groupId,
      topics,
      fromBeginning: true,
      handler: (message, context) => this.process(message, context),
      onCrash: (error) => {
        this.log.error(
          { err: error, groupId: this.options.groupId },
          'event consumer stopped for good',
        );
        this.options.onFatal?.(error);
      },
      onLag: (topic, partition, lag) =>
        this.metrics.consumerLag(this.options.groupId, topic, partition, lag),
    });
    this.log.info({ groupId: this.options.groupId, topics }, 'event consumer started');
  }

  /**
   * Leaves the group. A message being handled is not dead-lettered because of the stop:
   * its offset stays uncommitted and it is delivered again after the restart.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  private async process(message: IncomingMessage, context: MessageContext): Promise<void> {
    let envelope: EventEnvelope;
    let registration: Registration<Tx> | undefined;
    try {
      envelope = parseEnvelope(message);
      registration = this.registrations.get(
        eventKey({ type: envelope.type, version: envelope.schemaVersion }),
      );
      if (registration === undefined) {
        const handled = this.versionsHandled(envelope.type);
        if (handled.length > 0) {
          throw new PoisonMessage(
            `${envelope.type} v${envelope.schemaVersion} has no handler in ${this.options.groupId}, ` +
              `which handles versions ${handled.join(', ')}: deploy a consumer that knows it, then redeliver from the DLQ`,
          );
        }
        this.metrics.consumed(message.topic, 'skipped');
        return; // another service's concern on a shared topic
      }
      const data = registration.definition.schema.safeParse(envelope.data);
      if (!data.success) {
        throw new PoisonMessage(
          `${envelope.type} v${envelope.schemaVersion} data does not match its schema: ${data.error.message}`,
        );
      }
      envelope = { ...envelope, data: data.data };
    } catch (error) {
      await this.deadLetter(message, error, 1);
      return;
    }
    const handler = registration;
    const event = envelope;
    await runWithContext(
      { correlationId: event.correlationId, causationId: event.eventId, actor: event.actor },
      () => this.processWithRetries(message, event, handler, context),
    );
  }

  private versionsHandled(type: string): number[] {
    return [...this.registrations.values()]
      .filter((registration) => registration.definition.type === type)
      .map((registration) => registration.definition.version);
  }

  private async processWithRetries(
    message: IncomingMessage,
    event: EventEnvelope,
    registration: Registration<Tx>,
    context: MessageContext,
  ): Promise<void> {
    const maxRetries = this.options.maxRetries ?? 5;
    const baseMs = this.options.retryBaseMs ?? 200;
    const maxMs = this.options.retryMaxMs ?? 5_000;
    const fields = { eventId: event.eventId, eventType: event.type, topic: message.topic };
    let attempt = 1;
    let outage = 0;
    for (;;) {
      try {
        const applied = await this.options.transactions.run(async (tx) => {
          const claimed = (await tx.query(
            `INSERT INTO inbox (consumer_group, event_id, event_type, topic, partition, message_offset)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING event_id`,
            [
              this.options.groupId,
              event.eventId,
              event.type,
              message.topic,
              message.partition,
              message.offset,
            ],
          )) as unknown[];
          if (claimed.length === 0) {
            return false;
          }
          await registration.handle(event, tx);
          return true;
        });
        this.metrics.consumed(message.topic, applied ? 'processed' : 'duplicate');
        this.log.info(
          { ...fields, attempt, duplicate: !applied },
          applied ? 'event processed' : 'duplicate event ignored',
        );
        return;
      } catch (error) {
        if (this.stopping) {
          throw error; // not the message's fault: its offset stays uncommitted, redelivered later
        }
        let delay: number;
        if (isTransientError(error)) {
          // The database is away or a transaction lost a race: not the message's fault. Wait
          // as long as it takes, holding the partition so later events keep their order.
          outage += 1;
          delay = backoffDelay(outage, baseMs, maxMs);
          this.log.warn(
            { ...fields, err: error, outage, retryInMs: delay },
            'database unavailable; will retry the event',
          );
        } else {
          if (attempt > maxRetries) {
            await this.deadLetter(message, error, attempt);
            return;
          }
          delay = backoffDelay(attempt, baseMs, maxMs);
          this.log.warn(
            { ...fields, err: error, attempt, retryInMs: delay },
            'event handler failed; will retry',
          );
          attempt += 1;
        }
        await context.heartbeat();
        await sleep(delay);
        await context.heartbeat();
      }
    }
  }

  private async deadLetter(
    message: IncomingMessage,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const dlq = dlqTopicOf(message.topic);
    await this.options.bus.publish(dlq, [
      {
        key: message.key ?? '',
        value: message.value ?? '',
        headers: {
          ...message.headers,
          [HEADERS.dlqError]: reason.slice(0, 4_000),
          [HEADERS.dlqOriginalTopic]: message.topic,
          [HEADERS.dlqOriginalPartition]: String(message.partition),
          [HEADERS.dlqOriginalOffset]: message.offset,
          [HEADERS.dlqConsumerGroup]: this.options.groupId,
          [HEADERS.dlqAttempts]: String(attempts),
          [HEADERS.dlqFailedAt]: new Date().toISOString(),
        },
      },
    ]);
    this.metrics.deadLettered(message.topic);
    this.metrics.consumed(message.topic, 'dead_lettered');
    this.log.error(
      {
        err: error,
        topic: message.topic,
        partition: message.partition,
        offset: message.offset,
        dlq,
        attempts,
      },
      'message dead-lettered; the partition moves on',
    );
  }
}

function parseEnvelope(message: IncomingMessage): EventEnvelope {
  if (message.value === null) {
    throw new PoisonMessage('message has no value');
  }
  let json: unknown;
  try {
    json = JSON.parse(message.value);
  } catch {
    throw new PoisonMessage('message value is not JSON');
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    throw new PoisonMessage(`message is not a valid event envelope: ${parsed.error.message}`);
  }
  return parsed.data;
}

/**
 * The platform's own small messaging interface. Services and the outbox/inbox code depend
 * on this, never on a Kafka client, so the client can be replaced without touching them.
 */
export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface MessageContext {
  /** Keeps the consumer's group membership alive during long work (retries). */
  heartbeat(): Promise<void>;
}

export type MessageHandler = (message: IncomingMessage, context: MessageContext) => Promise<void>;

export interface SubscriptionOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts. Defaults to the beginning. */
  readonly fromBeginning?: boolean;
  /**
   * Called once per message, in order per partition. The message's offset is committed
   * only after the returned promise resolves; a rejection stops the partition and the
   * message is delivered again.
   */
  readonly handler: MessageHandler;
  /** Called when the subscription has stopped for good and will not restart itself. */
  readonly onCrash?: (error: Error) => void;
  /** Reports how far behind the group is on a partition after each batch. */
  readonly onLag?: (topic: string, partition: number, lag: number) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  /** Broker topic configs applied when the topic is created (e.g. `retention.ms`). */
  readonly configs?: Readonly<Record<string, string>>;
}

/** Where one partition of a topic starts and ends now (offsets as decimal strings). */
export interface PartitionOffsets {
  readonly partition: number;
  /** The oldest offset still held (retention may have removed earlier ones). */
  readonly low: string;
  /** The high watermark: the offset the next message will get; low === high means empty. */
  readonly high: string;
}

/** Reads a topic's partition offsets, e.g. for a replay that stops once caught up. */
export interface TopicOffsetsReader {
  topicOffsets(topic: string): Promise<readonly PartitionOffsets[]>;
}

export interface MessageBus {
  /** Sends messages to one topic, acknowledged by all in-sync replicas, in the given order. */
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** Creates the topics that do not exist yet; existing topics are left alone. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Resolves when a broker answers a metadata request; for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

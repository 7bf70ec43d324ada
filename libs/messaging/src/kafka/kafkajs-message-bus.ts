import { Admin, Consumer, IHeaders, Kafka, logLevel, Producer } from 'kafkajs';
import {
  IncomingMessage,
  MessageBus,
  OutgoingMessage,
  PartitionOffsets,
  Subscription,
  SubscriptionOptions,
  TopicOffsetsReader,
  TopicSpec,
} from '../message-bus';
import { MessagingLog, silentLog } from '../messaging-log';
import { kafkajsLogCreator } from './kafkajs-log';

export interface KafkaJsBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly log?: MessagingLog;
  /** How long one send keeps retrying before it fails (the outbox relay retries later). */
  readonly requestTimeoutMs?: number;
}

/** The kafkajs implementation of the platform's MessageBus. Nothing else imports kafkajs. */
export class KafkaJsMessageBus implements MessageBus, TopicOffsetsReader {
  private readonly kafka: Kafka;
  private readonly log: MessagingLog;
  private producer: Producer | undefined;
  private producerConnecting: Promise<Producer> | undefined;
  private admin: Admin | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(options: KafkaJsBusOptions) {
    this.log = options.log ?? silentLog;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: kafkajsLogCreator(this.log),
      connectionTimeout: 3_000,
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2_000 },
    });
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) {
      return;
    }
    const producer = await this.connectedProducer();
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: messages.map((message) => ({
          key: message.key,
          value: message.value,
          headers: { ...message.headers },
        })),
      });
    } catch (error) {
      // A producer whose broker went away may be left half-connected; start afresh next time.
      await this.resetProducer();
      throw error;
    }
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
    });
    this.consumers.add(consumer);
    if (options.onLag !== undefined) {
      const onLag = options.onLag;
      consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
        onLag(event.payload.topic, event.payload.partition, Number(event.payload.offsetLag));
      });
    }
    if (options.onCrash !== undefined) {
      const onCrash = options.onCrash;
      consumer.on(consumer.events.CRASH, (event) => {
        if (!event.payload.restart) {
          onCrash(event.payload.error);
        }
      });
    }
    await consumer.connect();
    for (const topic of options.topics) {
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
    }
    // kafkajs resolves a message's offset only after eachMessage resolves, and auto-commit
    // sends only resolved offsets (at the end of each batch, and before a rebalance), so an
    // offset is never committed before the handler's transaction. One commit per batch
    // instead of per message keeps throughput up.
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: 1,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const incoming: IncomingMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key === null ? null : message.key.toString('utf8'),
          value: message.value === null ? null : message.value.toString('utf8'),
          headers: decodeHeaders(message.headers),
        };
        await options.handler(incoming, { heartbeat });
      },
    });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length === 0) {
      return;
    }
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({
        topic: spec.topic,
        numPartitions: spec.partitions,
        replicationFactor: -1,
        ...(spec.configs === undefined
          ? {}
          : {
              configEntries: Object.entries(spec.configs).map(([name, value]) => ({
                name,
                value,
              })),
            }),
      })),
    });
    this.log.info({ topics: missing.map((spec) => spec.topic) }, 'created Kafka topics');
  }

  async topicOffsets(topic: string): Promise<readonly PartitionOffsets[]> {
    const admin = await this.connectedAdmin();
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets
      .map((entry) => ({ partition: entry.partition, low: entry.low, high: entry.high }))
      .sort((a, b) => a.partition - b.partition);
  }

  async ping(): Promise<void> {
    const admin = await this.connectedAdmin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    await this.resetProducer();
    if (this.admin !== undefined) {
      const admin = this.admin;
      this.admin = undefined;
      await admin.disconnect();
    }
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer !== undefined) {
      return this.producer;
    }
    if (this.producerConnecting === undefined) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      this.producerConnecting = producer
        .connect()
        .then(() => {
          this.producer = producer;
          return producer;
        })
        .finally(() => {
          this.producerConnecting = undefined;
        });
    }
    return this.producerConnecting;
  }

  private async resetProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer !== undefined) {
      await producer.disconnect().catch((error: unknown) => {
        this.log.debug({ err: error }, 'producer disconnect after failure');
      });
    }
  }

  private async connectedAdmin(): Promise<Admin> {
    if (this.admin === undefined) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) {
      continue;
    }
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) {
      decoded[name] = first.toString();
    }
  }
  return decoded;
}

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type GraphqlOutcome = 'success' | 'error';
export type ConsumerOutcome = 'processed' | 'duplicate' | 'skipped' | 'dead_lettered';

export interface PlatformMetricsOptions {
  /** Added as the `service` label to every series of this registry. */
  readonly service: string;
  /** Process metrics (CPU, memory, event-loop lag, GC); default true. */
  readonly defaultMetrics?: boolean;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const MAX_LABEL_LENGTH = 100;

/**
 * One app's Prometheus registry and every metric the platform records. Other code records
 * through these methods and never touches prom-client. The messaging methods (outbox*,
 * consumed, deadLettered, consumerLag) match @app/messaging's MessagingMetrics, so an
 * instance can be handed to the messaging library as it is.
 */
export class PlatformMetrics {
  readonly registry = new Registry();

  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly graphqlDuration: Histogram<'operation' | 'outcome'>;
  private readonly outboxBacklogGauge: Gauge;
  private readonly outboxPublishedCounter: Counter;
  private readonly consumerLagGauge: Gauge<'topic' | 'partition' | 'group'>;
  private readonly consumerMessages: Counter<'topic' | 'outcome'>;
  private readonly deadLetteredCounter: Counter<'topic'>;

  constructor(options: PlatformMetricsOptions) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service: options.service });
    if (options.defaultMetrics ?? true) {
      collectDefaultMetrics({ register: this.registry });
    }
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by method, route and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request latency by operation name and outcome (success or error).',
      labelNames: ['operation', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.outboxBacklogGauge = new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox events committed but not yet published to Kafka.',
      registers,
    });
    this.outboxPublishedCounter = new Counter({
      name: 'outbox_published_total',
      help: 'Outbox events published to Kafka.',
      registers,
    });
    this.consumerLagGauge = new Gauge({
      name: 'consumer_lag',
      help: 'Messages between the committed offset and the end of the partition.',
      labelNames: ['topic', 'partition', 'group'],
      registers,
    });
    this.consumerMessages = new Counter({
      name: 'consumer_messages_total',
      help: 'Consumed messages by topic and outcome (processed, duplicate, skipped, dead_lettered).',
      labelNames: ['topic', 'outcome'],
      registers,
    });
    this.deadLetteredCounter = new Counter({
      name: 'dead_lettered_messages_total',
      help: 'Messages sent to the .dlq companion of their topic after exhausting retries.',
      labelNames: ['topic'],
      registers,
    });
  }

  /** Prometheus text exposition content type for {@link render}. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeHttpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route: clip(route), status: String(status) }, seconds);
  }

  observeGraphqlRequest(operation: string, outcome: GraphqlOutcome, seconds: number): void {
    this.graphqlDuration.observe({ operation: clip(operation), outcome }, seconds);
  }

  outboxBacklog(count: number): void {
    this.outboxBacklogGauge.set(count);
  }

  outboxPublished(count: number): void {
    this.outboxPublishedCounter.inc(count);
  }

  consumerLag(group: string, topic: string, partition: number, lag: number): void {
    this.consumerLagGauge.set({ group, topic, partition: String(partition) }, lag);
  }

  consumed(topic: string, outcome: ConsumerOutcome): void {
    this.consumerMessages.inc({ topic, outcome });
  }

  deadLettered(topic: string): void {
    this.deadLetteredCounter.inc({ topic });
  }
}

function clip(label: string): string {
  return label.length > MAX_LABEL_LENGTH ? label.slice(0, MAX_LABEL_LENGTH) : label;
}

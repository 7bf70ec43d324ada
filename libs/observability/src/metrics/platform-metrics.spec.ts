import { PlatformMetrics } from './platform-metrics';

/** The value of the series `name` whose labels include `labels`, read from the text format. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) {
      continue;
    }
    const found = new Map(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found.get(key) === value)) {
      return Number(match[3]);
    }
  }
  return undefined;
}

function metricsWithoutProcessStats(service = 'booking'): PlatformMetrics {
  return new PlatformMetrics({ service, defaultMetrics: false });
}

describe(PlatformMetrics.name, () => {
  it('registers every platform metric', async () => {
    const names = (await metricsWithoutProcessStats().registry.getMetricsAsJSON()).map(
      (metric) => metric.name,
    );

    expect(names.sort()).toEqual([
      'consumer_lag',
      'consumer_messages_total',
      'dead_lettered_messages_total',
      'graphql_request_duration_seconds',
      'http_request_duration_seconds',
      'outbox_backlog',
      'outbox_published_total',
    ]);
  });

  it('adds process metrics unless told not to', async () => {
    const names = (
      await new PlatformMetrics({ service: 'booking' }).registry.getMetricsAsJSON()
    ).map((metric) => metric.name);

    expect(names).toEqual(
      expect.arrayContaining(['process_cpu_seconds_total', 'nodejs_eventloop_lag_seconds']),
    );
  });

  it('labels every series with the service', async () => {
    const metrics = metricsWithoutProcessStats('therapist-roster');

    metrics.outboxBacklog(7);

    expect(sample(await metrics.render(), 'outbox_backlog', { service: 'therapist-roster' })).toBe(
      7,
    );
  });

  it('records the messaging figures with their labels', async () => {
    const metrics = metricsWithoutProcessStats();

    metrics.outboxPublished(3);
    metrics.outboxPublished(2);
    metrics.consumerLag('booking-consumers', 'roster.events.v1', 2, 15);
    metrics.consumed('roster.events.v1', 'processed');
    metrics.consumed('roster.events.v1', 'processed');
    metrics.consumed('roster.events.v1', 'dead_lettered');
    metrics.deadLettered('roster.events.v1');

    const text = await metrics.render();
    const topic = 'roster.events.v1';
    expect(sample(text, 'outbox_published_total', { service: 'booking' })).toBe(5);
    expect(
      sample(text, 'consumer_lag', {
        topic,
        partition: '2',
        group: 'booking-consumers',
        service: 'booking',
      }),
    ).toBe(15);
    expect(
      sample(text, 'consumer_messages_total', { topic, outcome: 'processed', service: 'booking' }),
    ).toBe(2);
    expect(sample(text, 'consumer_messages_total', { topic, outcome: 'dead_lettered' })).toBe(1);
    expect(sample(text, 'dead_lettered_messages_total', { topic, service: 'booking' })).toBe(1);
  });

  it('times GraphQL and HTTP requests into histograms', async () => {
    const metrics = metricsWithoutProcessStats();

    metrics.observeGraphqlRequest('AvailableSlots', 'success', 0.03);
    metrics.observeHttpRequest('GET', '/health/ready', 503, 0.002);

    const text = await metrics.render();
    const graphql = { operation: 'AvailableSlots', outcome: 'success', service: 'booking' };
    expect(
      sample(text, 'graphql_request_duration_seconds_bucket', { ...graphql, le: '0.025' }),
    ).toBe(0);
    expect(
      sample(text, 'graphql_request_duration_seconds_bucket', { ...graphql, le: '0.05' }),
    ).toBe(1);
    expect(
      sample(text, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: '/health/ready',
        status: '503',
      }),
    ).toBe(1);
  });

  it('keeps two apps in one process apart', async () => {
    const booking = metricsWithoutProcessStats('booking');
    const roster = metricsWithoutProcessStats('therapist-roster');

    booking.deadLettered('booking.events.v1');

    expect(
      sample(await booking.render(), 'dead_lettered_messages_total', {
        topic: 'booking.events.v1',
      }),
    ).toBe(1);
    expect(
      sample(await roster.render(), 'dead_lettered_messages_total', { topic: 'booking.events.v1' }),
    ).toBeUndefined();
  });

  it('serves the Prometheus text content type', () => {
    expect(metricsWithoutProcessStats().contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

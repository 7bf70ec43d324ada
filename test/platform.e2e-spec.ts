import { randomUUID } from 'node:crypto';
import { TOPICS } from '@app/contracts';
import {
  HEADERS,
  IncomingMessage,
  KafkaJsMessageBus,
  MessageBus,
  Subscription,
} from '@app/messaging';
import { waitFor } from '../libs/messaging/src/test-support/backbone-harness';
import { errorCodes, gql, RunningPlatform, startPlatform } from './support/running-platform';

interface ClinicView {
  id: string;
  code: string;
  name: string;
  bookingReady: boolean;
  messagingPolicy: { timezone: string; quietHoursStart: string } | null;
  treatments: { code: string; durationMinutes: number; pricePence: number }[];
}

const CLINIC_FIELDS = `id code name bookingReady messagingPolicy { timezone quietHoursStart }
  treatments { code durationMinutes pricePence }`;

describe('the platform through the gateway', () => {
  let platform: RunningPlatform;
  let headOffice: string;
  let bus: MessageBus;
  let rosterEvents: IncomingMessage[];
  let recorder: Subscription;

  beforeAll(async () => {
    platform = await startPlatform();
    headOffice = await platform.token({ role: 'head_office_admin' });
    bus = new KafkaJsMessageBus({
      brokers: (process.env.KAFKA_BROKERS ?? '').split(','),
      clientId: 'e2e',
    });
    rosterEvents = [];
    recorder = await bus.subscribe({
      groupId: `e2e-${randomUUID()}`,
      topics: [TOPICS.roster],
      fromBeginning: true,
      handler: async (message) => {
        rosterEvents.push(message);
      },
    });
  });

  afterAll(async () => {
    await recorder.stop();
    await bus.close();
    await platform.stop();
  });

  async function openClinic(code: string, correlationId: string): Promise<string> {
    const opened = await gql<{ openClinic: { id: string } }>(
      platform.gatewayUrl,
      'mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { id } }',
      {
        token: headOffice,
        variables: { input: { code, name: `Clinic ${code}`, timezone: 'Europe/London' } },
        headers: { 'x-correlation-id': correlationId },
      },
    );
    expect(opened.errors).toBeUndefined();
    const id = opened.data?.openClinic.id;
    if (id === undefined) {
      throw new Error('openClinic returned no id');
    }
    return id;
  }

  it('answers the health query without a token, and nothing else', async () => {
    const health = await gql<{ health: { status: string } }>(
      platform.gatewayUrl,
      '{ health { status } }',
    );
    expect(health.data?.health.status).toBe('ok');

    const clinics = await gql(platform.gatewayUrl, '{ clinics { id } }');
    expect(clinics.data ?? undefined).toBeUndefined();
    expect(errorCodes(clinics)).toEqual(['UNAUTHENTICATED']);
    expect(clinics.status).toBe(401);
  });

  it('refuses a forged or expired token', async () => {
    const forged = await gql(platform.gatewayUrl, '{ health { status } }', {
      token: `${headOffice.slice(0, -4)}AAAA`,
    });
    expect(errorCodes(forged)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers one query that spans the roster, booking and notification subgraphs', async () => {
    const code = `E2E-${randomUUID().slice(0, 4).toUpperCase()}`;
    const id = await openClinic(code, randomUUID());

    // booking and notification learn of the clinic only through roster events.
    const clinic = await waitFor(async () => {
      const response = await gql<{ clinic: ClinicView }>(
        platform.gatewayUrl,
        `query One($id: ID!) { clinic(id: $id) { ${CLINIC_FIELDS} } }`,
        { token: headOffice, variables: { id } },
      );
      expect(response.errors).toBeUndefined();
      const view = response.data?.clinic;
      return view?.bookingReady === true && view.messagingPolicy !== null ? view : undefined;
    }, 'booking and notification to project the new clinic');

    expect(clinic).toMatchObject({
      id,
      code,
      messagingPolicy: { timezone: 'Europe/London', quietHoursStart: '21:00' },
    });
    expect(clinic.treatments.map((t) => t.code).sort()).toEqual([
      'INITIAL_ASSESSMENT',
      'MAINTENANCE_45',
      'PNF_STRETCH_30',
      'PNF_STRETCH_60',
    ]);
  });

  it('(e) carries the request correlation id onto the event and into the consumer log line', async () => {
    const correlationId = `e2e-${randomUUID()}`;
    const id = await openClinic(`COR-${randomUUID().slice(0, 4).toUpperCase()}`, correlationId);

    const event = await waitFor(
      () => rosterEvents.find((message) => message.key === id),
      'clinic.opened on roster.events.v1',
    );
    expect(event.headers[HEADERS.correlationId]).toBe(correlationId);
    const envelope = JSON.parse(event.value ?? '{}') as Record<string, unknown>;
    expect(envelope).toMatchObject({
      type: 'clinic.opened',
      aggregateId: id,
      clinicId: id,
      correlationId,
      actor: { type: 'user', role: 'head_office_admin' },
    });

    const line = await waitFor(
      () =>
        platform
          .logs('booking')
          .find((entry) => entry.msg === 'event processed' && entry.eventId === envelope.eventId),
      "booking's log line for the event",
    );
    expect(line.correlationId).toBe(correlationId);
    expect(line.causationId).toBe(envelope.eventId);
  });

  it("shows a clinic manager only their own clinics and refuses another clinic's data", async () => {
    const mine = await openClinic(`MIN-${randomUUID().slice(0, 4).toUpperCase()}`, randomUUID());
    const theirs = await openClinic(`THR-${randomUUID().slice(0, 4).toUpperCase()}`, randomUUID());
    const manager = await platform.token({ role: 'clinic_manager', clinicIds: [mine] });

    const list = await gql<{ clinics: { id: string }[] }>(
      platform.gatewayUrl,
      '{ clinics { id } }',
      { token: manager },
    );
    expect(list.data?.clinics.map((c) => c.id)).toEqual([mine]);

    const other = await gql(
      platform.gatewayUrl,
      'query($id: ID!) { clinic(id: $id) { id name } }',
      {
        token: manager,
        variables: { id: theirs },
      },
    );
    expect(other.data ?? undefined).toBeUndefined();
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);

    const open = await gql(
      platform.gatewayUrl,
      'mutation { openClinic(input: { code: "NOPE-1", name: "x", timezone: "Europe/London" }) { id } }',
      {
        token: manager,
      },
    );
    expect(errorCodes(open)).toEqual(['FORBIDDEN']);
  });

  it('rejects bad input with a stable code and writes nothing', async () => {
    const bad = await gql(
      platform.gatewayUrl,
      'mutation { openClinic(input: { code: "YRK-01", name: "York", timezone: "Europe/Atlantis" }) { id } }',
      {
        token: headOffice,
      },
    );
    expect(errorCodes(bad)).toEqual(['INVALID_TIMEZONE']);
    const all = await gql<{ clinics: { code: string }[] }>(
      platform.gatewayUrl,
      '{ clinics { code } }',
      { token: headOffice },
    );
    expect(all.data?.clinics.map((c) => c.code)).not.toContain('YRK-01');
  });

  it('answers a malformed clinic id with a stable code', async () => {
    const bad = await gql(platform.gatewayUrl, '{ clinic(id: "not-a-uuid") { id } }', {
      token: headOffice,
    });
    expect(errorCodes(bad)).toEqual(['INVALID_CLINIC_ID']);
  });

  it('verifies the token in every subgraph too, entity lookups included', async () => {
    const subgraph = `http://127.0.0.1:${platform.ports.booking}/graphql`;
    const lookup = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Treatment { name } } }`;
    const variables = {
      r: [{ __typename: 'Treatment', id: '6f1d2c10-0000-4000-8000-000000000001' }],
    };

    const anonymous = await gql(subgraph, lookup, { variables });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);

    const signedIn = await gql<{ _entities: { name: string }[] }>(subgraph, lookup, {
      variables,
      token: headOffice,
    });
    expect(signedIn.data?._entities).toEqual([{ name: 'Initial assessment' }]);

    const clinics = await gql(
      `http://127.0.0.1:${platform.ports['therapist-roster']}/graphql`,
      '{ clinics { id } }',
    );
    expect(errorCodes(clinics)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a query deeper than the limit', async () => {
    const deep = await gql(
      platform.gatewayUrl,
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }',
      { token: headOffice },
    );
    expect(errorCodes(deep)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('serves the GraphQL IDE page and its assets from the gateway itself', async () => {
    const base = platform.gatewayUrl.replace(/\/graphql$/, '');
    const page = await fetch(`${base}/graphiql`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/graphiql/assets/graphiql.js');
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const response = await fetch(`${base}/graphiql/assets/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
    }
  });

  it('exposes readiness and Prometheus metrics on every service', async () => {
    for (const app of ['therapist-roster', 'booking', 'client-record', 'notification'] as const) {
      const ready = await fetch(`http://127.0.0.1:${platform.ports[app]}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready' });
    }
    const metrics = await (
      await fetch(`http://127.0.0.1:${platform.ports.booking}/metrics`)
    ).text();
    expect(metrics).toContain('consumer_messages_total');
    expect(metrics).toContain('outbox_backlog');
    expect(metrics).toContain('graphql_request_duration_seconds');
  });
});

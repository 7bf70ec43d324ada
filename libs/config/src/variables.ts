import { APP_NAMES, SERVICE_NAMES } from './app-names';
import {
  booleanField,
  brokersField,
  durationMsField,
  httpUrlField,
  integerField,
  logFormatField,
  logLevelField,
  nodeEnvField,
  pemPublicKeyField,
  portField,
  postgresUrlField,
  textField,
} from './env-fields';
import type { ConfigReader, DefaultSource, VariableSpec } from './variable-spec';

/*
 * THE catalogue of every environment variable the platform reads: its type, default,
 * description and readers. App schemas (service-config.schema.ts, gateway-config.schema.ts)
 * take defaults and parsers from here; the README table is generated from it
 * (renderVariablesMarkdown) and docker-compose.yml must only set names listed here.
 * Adding a variable an app reads without listing it here fails to compile and fails
 * variables.spec.ts.
 */

const ALL_APPS: readonly ConfigReader[] = APP_NAMES;
const SERVICES: readonly ConfigReader[] = SERVICE_NAMES;

function isDevelopment(source: DefaultSource): boolean {
  return (source.raw('NODE_ENV') ?? '').toLowerCase() === 'development';
}

function subgraphUrl(portVariable: string) {
  return {
    kind: 'derived',
    describe: `http://127.0.0.1:$${portVariable}/graphql`,
    resolve: (source: DefaultSource): string =>
      `http://127.0.0.1:${source.raw(portVariable) ?? ''}/graphql`,
  } as const;
}

export const ENV_VARIABLES = {
  NODE_ENV: {
    field: nodeEnvField(),
    default: { kind: 'value', value: 'development' },
    description:
      'Runtime mode. Development turns on pretty logs, the GraphQL IDE and the local key file.',
    readBy: [...ALL_APPS, 'infra'],
  },
  LOG_LEVEL: {
    field: logLevelField(),
    default: { kind: 'value', value: 'info' },
    description: 'Lowest level written to the log.',
    readBy: ALL_APPS,
  },
  LOG_FORMAT: {
    field: logFormatField(),
    default: {
      kind: 'derived',
      describe: 'pretty when NODE_ENV=development, else json',
      resolve: (source: DefaultSource): string => (isDevelopment(source) ? 'pretty' : 'json'),
    },
    description: 'json: one JSON object per line (production); pretty: human-readable lines.',
    readBy: ALL_APPS,
  },
  DATABASE_URL: {
    field: postgresUrlField(),
    default: { kind: 'required' },
    description:
      'PostgreSQL server URL; each service puts its own database name in the path ' +
      '(roster, booking, client_record, notification). `npm start` and the tests ' +
      'start an embedded PostgreSQL and set it when unset.',
    readBy: [...SERVICES, 'infra', 'tests'],
  },
  KAFKA_BROKERS: {
    field: brokersField(),
    default: { kind: 'required' },
    description:
      'Kafka bootstrap brokers. `npm start` and the tests start a local KRaft broker and set it when unset.',
    readBy: [...SERVICES, 'infra', 'tests'],
  },
  KAFKA_CLIENT_ID: {
    field: textField({ expected: 'a non-empty Kafka client id', example: 'booking-1' }),
    default: {
      kind: 'derived',
      describe: 'the service name, e.g. booking',
      resolve: (source: DefaultSource): string => source.appName,
    },
    description: 'Client id this service presents to Kafka (shows up in broker logs and quotas).',
    readBy: SERVICES,
  },
  JWT_PUBLIC_KEY: {
    field: pemPublicKeyField(),
    default: { kind: 'optional' },
    description:
      'PEM public key that verifies access tokens (RS256). Set exactly one of JWT_PUBLIC_KEY, ' +
      'JWT_PUBLIC_KEY_FILE, JWT_JWKS_URL.',
    readBy: ALL_APPS,
  },
  JWT_PUBLIC_KEY_FILE: {
    field: textField({
      expected: 'a path to a PEM public key file',
      example: '/run/secrets/jwt-public.pem',
    }),
    default: {
      kind: 'derived',
      describe:
        '.local/keys/jwt-public.pem when NODE_ENV=development and neither JWT_PUBLIC_KEY nor JWT_JWKS_URL is set',
      resolve: (source: DefaultSource): string | undefined =>
        isDevelopment(source) &&
        source.raw('JWT_PUBLIC_KEY') === undefined &&
        source.raw('JWT_JWKS_URL') === undefined
          ? '.local/keys/jwt-public.pem'
          : undefined,
    },
    description: 'File holding the PEM public key (relative paths from the working directory).',
    readBy: ALL_APPS,
  },
  JWT_JWKS_URL: {
    field: httpUrlField('https://id.example.com/.well-known/jwks.json'),
    default: { kind: 'optional' },
    description: "The identity provider's JWKS endpoint, instead of a fixed public key.",
    readBy: ALL_APPS,
  },
  JWT_ISSUER: {
    field: textField({ expected: 'the expected "iss" claim', example: 'https://id.example.com/' }),
    default: { kind: 'value', value: 'https://id.dev.stretch-clinics.local/' },
    description:
      'Tokens whose "iss" differs are rejected. The default is the development token command.',
    readBy: ALL_APPS,
  },
  JWT_AUDIENCE: {
    field: textField({ expected: 'the expected "aud" claim', example: 'stretch-clinic-platform' }),
    default: { kind: 'value', value: 'stretch-clinic-platform' },
    description: 'Tokens not addressed to this audience are rejected.',
    readBy: ALL_APPS,
  },
  JWT_CLOCK_TOLERANCE_SECONDS: {
    field: integerField({ min: 0, max: 300, example: '5' }),
    default: { kind: 'value', value: '5' },
    description: 'Leeway for "exp"/"nbf" between machines.',
    readBy: ALL_APPS,
  },
  GATEWAY_PORT: {
    field: portField(),
    default: { kind: 'value', value: '4000' },
    description: 'HTTP port of the gateway (GraphQL at /graphql).',
    readBy: ['gateway'],
  },
  ROSTER_PORT: {
    field: portField(),
    default: { kind: 'value', value: '4001' },
    description: 'HTTP port of therapist-roster; the gateway uses it for the default ROSTER_URL.',
    readBy: ['therapist-roster', 'gateway'],
  },
  BOOKING_PORT: {
    field: portField(),
    default: { kind: 'value', value: '4002' },
    description: 'HTTP port of booking; the gateway uses it for the default BOOKING_URL.',
    readBy: ['booking', 'gateway'],
  },
  CLIENT_RECORD_PORT: {
    field: portField(),
    default: { kind: 'value', value: '4003' },
    description:
      'HTTP port of client-record; the gateway uses it for the default CLIENT_RECORD_URL.',
    readBy: ['client-record', 'gateway'],
  },
  NOTIFICATION_PORT: {
    field: portField(),
    default: { kind: 'value', value: '4004' },
    description: 'HTTP port of notification; the gateway uses it for the default NOTIFICATION_URL.',
    readBy: ['notification', 'gateway'],
  },
  ROSTER_URL: {
    field: httpUrlField('http://therapist-roster:4001/graphql'),
    default: subgraphUrl('ROSTER_PORT'),
    description: 'GraphQL endpoint of the therapist-roster subgraph.',
    readBy: ['gateway'],
  },
  BOOKING_URL: {
    field: httpUrlField('http://booking:4002/graphql'),
    default: subgraphUrl('BOOKING_PORT'),
    description: 'GraphQL endpoint of the booking subgraph.',
    readBy: ['gateway'],
  },
  CLIENT_RECORD_URL: {
    field: httpUrlField('http://client-record:4003/graphql'),
    default: subgraphUrl('CLIENT_RECORD_PORT'),
    description: 'GraphQL endpoint of the client-record subgraph.',
    readBy: ['gateway'],
  },
  NOTIFICATION_URL: {
    field: httpUrlField('http://notification:4004/graphql'),
    default: subgraphUrl('NOTIFICATION_PORT'),
    description: 'GraphQL endpoint of the notification subgraph.',
    readBy: ['gateway'],
  },
  OUTBOX_POLL_INTERVAL_MS: {
    field: durationMsField({ min: 10, example: '1000' }),
    default: { kind: 'value', value: '1000' },
    description: 'Fallback poll of the outbox relay; LISTEN/NOTIFY normally wakes it at once.',
    readBy: SERVICES,
  },
  CONSUMER_MAX_RETRIES: {
    field: integerField({ min: 0, max: 100, example: '5' }),
    default: { kind: 'value', value: '5' },
    description: 'Attempts after the first before a message goes to its .dlq topic.',
    readBy: SERVICES,
  },
  CONSUMER_RETRY_BASE_MS: {
    field: durationMsField({ min: 1, example: '200' }),
    default: { kind: 'value', value: '200' },
    description: 'First retry delay of a failing consumer; doubles on each further attempt.',
    readBy: SERVICES,
  },
  GATEWAY_MAX_QUERY_DEPTH: {
    field: integerField({ min: 1, example: '10' }),
    default: { kind: 'value', value: '10' },
    description: 'Deepest selection nesting the gateway accepts.',
    readBy: ['gateway'],
  },
  GATEWAY_MAX_QUERY_COST: {
    field: integerField({ min: 1, example: '1000' }),
    default: { kind: 'value', value: '1000' },
    description: 'Highest estimated query cost (complexity) the gateway accepts.',
    readBy: ['gateway'],
  },
  GATEWAY_RATE_LIMIT_PER_MINUTE: {
    field: integerField({ min: 1, example: '600' }),
    default: { kind: 'value', value: '600' },
    description: 'Requests per minute allowed per caller (token subject, else client IP).',
    readBy: ['gateway'],
  },
  GRAPHQL_IDE: {
    field: booleanField(),
    default: {
      kind: 'derived',
      describe: 'true when NODE_ENV=development, else false',
      resolve: (source: DefaultSource): string => String(isDevelopment(source)),
    },
    description: 'Serve the offline GraphQL IDE page on the gateway.',
    readBy: ['gateway'],
  },
  LOCAL_STACK_NAME: {
    field: textField({ expected: 'a folder name', example: 'dev' }),
    default: { kind: 'value', value: 'dev' },
    description:
      '`npm start` / `npm run infra`: the local PostgreSQL and Kafka data live in .local/{postgres,kafka}/<name>.',
    readBy: ['infra'],
  },
  KAFKA_MAVEN_REPO_LOCAL: {
    field: textField({ expected: 'a folder path', example: '/var/cache/m2' }),
    default: { kind: 'optional' },
    description:
      'Maven repository for the Kafka jars (default ~/.m2/repository); only the first start downloads.',
    readBy: ['infra', 'tests'],
  },
  TEST_INFRA: {
    field: textField({ expected: 'local or testcontainers', example: 'local' }),
    default: { kind: 'optional' },
    description:
      'Tests: force where PostgreSQL and Kafka come from when DATABASE_URL / KAFKA_BROKERS are unset (default: testcontainers if a Docker engine answers, else local).',
    readBy: ['tests'],
  },
  BENCH_EVENTS: {
    field: integerField({ min: 1, max: 1_000_000, example: '1000' }),
    default: { kind: 'value', value: '1000' },
    description: '`npm run bench`: events per mode.',
    readBy: ['infra'],
  },
  BENCH_RATE: {
    field: integerField({ min: 1, max: 100_000, example: '200' }),
    default: { kind: 'value', value: '200' },
    description: '`npm run bench`: events committed per second.',
    readBy: ['infra'],
  },
  BENCH_BOOKINGS: {
    field: integerField({ min: 1, max: 100_000, example: '600' }),
    default: { kind: 'value', value: '600' },
    description: '`npm run bench`: bookings held through the gateway in the throughput run.',
    readBy: ['infra'],
  },
  BENCH_CONCURRENCY: {
    field: integerField({ min: 1, max: 1_000, example: '50' }),
    default: { kind: 'value', value: '50' },
    description: '`npm run bench`: concurrent clients booking through the gateway.',
    readBy: ['infra'],
  },
} as const satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof ENV_VARIABLES;

/** The catalogue as rows, in declaration order. */
export interface VariableRow extends VariableSpec {
  readonly name: VariableName;
}

export const VARIABLE_CATALOGUE: readonly VariableRow[] = (
  Object.keys(ENV_VARIABLES) as VariableName[]
).map((name) => ({ name, ...ENV_VARIABLES[name] }));

export function isVariableName(name: string): name is VariableName {
  return Object.prototype.hasOwnProperty.call(ENV_VARIABLES, name);
}

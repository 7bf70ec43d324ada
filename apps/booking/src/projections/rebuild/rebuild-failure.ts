/** Where the rebuild connects, as configured (DATABASE_URL with the service's database, KAFKA_BROKERS). */
export interface RebuildTargets {
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
const MIGRATE = 'node dist/apps/booking/src/main.js migrate';

/**
 * What went wrong with a projection rebuild and what the operator does next, in one
 * sentence for the log: unreachable PostgreSQL or Kafka, a database without booking's
 * tables, refused credentials; otherwise the error's own message.
 */
export function rebuildFailureMessage(error: unknown, targets: RebuildTargets): string {
  const database = redactUrl(targets.databaseUrl);
  const brokers = targets.kafkaBrokers.join(',');
  if (isKafkaError(error)) {
    return `could not read the event topics from Kafka at ${brokers} (${messageOf(error)}): check KAFKA_BROKERS and that the brokers are running, then run the rebuild again`;
  }
  const code = codeOf(error) ?? '';
  if (CONNECTION_CODES.has(code)) {
    return `could not connect to PostgreSQL at ${database} (${code}): check DATABASE_URL and that the server is running, then run the rebuild again`;
  }
  switch (code) {
    case '3D000':
      return `the database at ${database} does not exist: check DATABASE_URL, or create it and run \`${MIGRATE}\` first`;
    case '42P01':
      return `the database at ${database} does not have booking's tables (${messageOf(error)}): run \`${MIGRATE}\` first`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${database} refused the login (${messageOf(error)}): check the user and password in DATABASE_URL`;
    default:
      return messageOf(error);
  }
}

function isKafkaError(error: unknown): boolean {
  return error instanceof Error && error.name.startsWith('KafkaJS');
}

/** A Node or PostgreSQL error code, also from the first of an AggregateError's errors. */
function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  if ('code' in error && typeof error.code === 'string') {
    return error.code;
  }
  if ('errors' in error && Array.isArray(error.errors) && error.errors.length > 0) {
    return codeOf(error.errors[0]);
  }
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The URL with its password hidden. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '(DATABASE_URL is not a URL)';
  }
}

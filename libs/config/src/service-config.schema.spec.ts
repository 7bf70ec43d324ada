import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { serviceConfigSchema } from './service-config.schema';

const minimalEnv = {
  DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:5432',
  KAFKA_BROKERS: '127.0.0.1:9092',
  JWT_PUBLIC_KEY_FILE: '/keys/jwt-public.pem',
};

describe(serviceConfigSchema.name, () => {
  it('parses a complete production environment into the typed config', () => {
    const config = loadConfig(serviceConfigSchema('therapist-roster'), {
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      ROSTER_PORT: '5001',
      DATABASE_URL: 'postgresql://app:pw@db.internal:6432/postgres?sslmode=require',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      KAFKA_CLIENT_ID: 'roster-a',
      JWT_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
      JWT_ISSUER: 'https://id.example.com/',
      JWT_AUDIENCE: 'clinics',
      JWT_CLOCK_TOLERANCE_SECONDS: '10',
      OUTBOX_POLL_INTERVAL_MS: '250',
      CONSUMER_MAX_RETRIES: '3',
      CONSUMER_RETRY_BASE_MS: '100',
    });

    expect(config).toEqual({
      service: 'therapist-roster',
      nodeEnv: 'production',
      port: 5001,
      log: { level: 'debug', format: 'json' },
      jwt: {
        key: { kind: 'jwks', url: 'https://id.example.com/.well-known/jwks.json' },
        issuer: 'https://id.example.com/',
        audience: 'clinics',
        clockToleranceSeconds: 10,
      },
      database: {
        serverUrl: 'postgresql://app:pw@db.internal:6432/postgres?sslmode=require',
        name: 'roster',
        url: 'postgresql://app:pw@db.internal:6432/roster?sslmode=require',
      },
      kafka: { brokers: ['k1:9092', 'k2:9092'], clientId: 'roster-a' },
      outbox: { pollIntervalMs: 250 },
      consumer: { maxRetries: 3, retryBaseMs: 100 },
    });
  });

  it('fills every other setting from the catalogue defaults', () => {
    const config = loadConfig(serviceConfigSchema('booking'), minimalEnv);

    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4002,
      log: { level: 'info', format: 'pretty' },
      jwt: {
        key: { kind: 'file', path: '/keys/jwt-public.pem' },
        issuer: 'https://id.dev.stretch-clinics.local/',
        audience: 'stretch-clinic-platform',
        clockToleranceSeconds: 5,
      },
      database: { name: 'booking', url: 'postgres://postgres:secret@127.0.0.1:5432/booking' },
      kafka: { clientId: 'booking' },
      outbox: { pollIntervalMs: 1000 },
      consumer: { maxRetries: 5, retryBaseMs: 200 },
    });
  });

  it("reads each service's own port variable", () => {
    const env = {
      ...minimalEnv,
      ROSTER_PORT: '5001',
      BOOKING_PORT: '5002',
      CLIENT_RECORD_PORT: '5003',
      NOTIFICATION_PORT: '5004',
    };

    const ports = (['therapist-roster', 'booking', 'client-record', 'notification'] as const).map(
      (service) => loadConfig(serviceConfigSchema(service), env).port,
    );

    expect(ports).toEqual([5001, 5002, 5003, 5004]);
  });

  it('logs JSON by default outside development', () => {
    const config = loadConfig(serviceConfigSchema('notification'), {
      ...minimalEnv,
      NODE_ENV: 'test',
    });

    expect(config.log.format).toBe('json');
  });

  it('uses the development key file when no key source is set in development', () => {
    const { JWT_PUBLIC_KEY_FILE: _unused, ...withoutKey } = minimalEnv;

    const config = loadConfig(serviceConfigSchema('booking'), withoutKey);

    expect(config.jwt.key).toEqual({ kind: 'file', path: '.local/keys/jwt-public.pem' });
  });

  it('fails fast when no key source is set outside development', () => {
    const { JWT_PUBLIC_KEY_FILE: _unused, ...withoutKey } = minimalEnv;

    expect(() =>
      loadConfig(serviceConfigSchema('booking'), { ...withoutKey, NODE_ENV: 'production' }),
    ).toThrow(/JWT_PUBLIC_KEY, JWT_PUBLIC_KEY_FILE, JWT_JWKS_URL: none is set/);
  });

  it('refuses two key sources at once', () => {
    expect(() =>
      loadConfig(serviceConfigSchema('booking'), {
        ...minimalEnv,
        JWT_JWKS_URL: 'https://id.example.com/jwks.json',
      }),
    ).toThrow(/JWT_PUBLIC_KEY_FILE and JWT_JWKS_URL are all set: set exactly one/);
  });

  it('turns escaped newlines in an inline PEM key into real ones', () => {
    const { JWT_PUBLIC_KEY_FILE: _unused, ...withoutFile } = minimalEnv;

    const config = loadConfig(serviceConfigSchema('booking'), {
      ...withoutFile,
      JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----',
    });

    expect(config.jwt.key).toEqual({
      kind: 'pem',
      pem: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----',
    });
  });

  it('names each bad variable of a broken environment in one error', () => {
    let caught: unknown;
    try {
      loadConfig(serviceConfigSchema('client-record'), {
        NODE_ENV: 'prod',
        CLIENT_RECORD_PORT: '99999',
        LOG_LEVEL: 'verbose',
        CONSUMER_MAX_RETRIES: '-1',
      });
    } catch (error: unknown) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).issues.map((issue) => issue.variables.join(','))).toEqual([
      'NODE_ENV',
      'LOG_LEVEL',
      'CLIENT_RECORD_PORT',
      'DATABASE_URL',
      'KAFKA_BROKERS',
      'CONSUMER_MAX_RETRIES',
      'JWT_PUBLIC_KEY,JWT_PUBLIC_KEY_FILE,JWT_JWKS_URL',
    ]);
  });
});

import {
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
  DEV_KEY_DIR,
  DEV_PUBLIC_KEY_FILE,
} from '@app/auth/jwt-defaults';
import { APP_NAMES, SERVICE_NAMES, type AppName } from './app-names';
import type { ConfigSchema } from './config-schema';
import { gatewayConfigSchema } from './gateway-config.schema';
import { loadConfig } from './load-config';
import { serviceConfigSchema } from './service-config.schema';
import { VARIABLE_CATALOGUE } from './variables';

const appSchemas: ReadonlyArray<readonly [AppName, ConfigSchema<unknown>]> = [
  ['gateway', gatewayConfigSchema],
  ...SERVICE_NAMES.map((service) => [service, serviceConfigSchema(service)] as const),
];

describe('ENV_VARIABLES', () => {
  it('has a schema for every app', () => {
    expect(appSchemas.map(([app]) => app).sort()).toEqual([...APP_NAMES].sort());
  });

  it.each(appSchemas)('lists every variable %s reads, with %s among its readers', (app, schema) => {
    const rows = new Map(VARIABLE_CATALOGUE.map((row) => [row.name as string, row]));
    const missing = schema.variables.filter((name) => !rows.has(name));
    const notMarked = schema.variables.filter(
      (name) => rows.get(name)?.readBy.includes(app) === false,
    );

    expect({ missing, notMarked }).toEqual({ missing: [], notMarked: [] });
  });

  it.each(appSchemas)('claims %s reads only variables its schema actually reads', (app, schema) => {
    const claimed = VARIABLE_CATALOGUE.filter((row) => row.readBy.includes(app)).map(
      (row) => row.name,
    );

    expect(claimed.filter((name) => !schema.variables.includes(name))).toEqual([]);
  });

  it('gives every variable a reader and a description', () => {
    const incomplete = VARIABLE_CATALOGUE.filter(
      (row) => row.readBy.length === 0 || row.description === '',
    );

    expect(incomplete.map((row) => row.name)).toEqual([]);
  });

  it.each(VARIABLE_CATALOGUE.filter((row) => row.default.kind === 'value'))(
    'has a default for $name that its own field accepts',
    (row) => {
      const fallback = row.default.kind === 'value' ? row.default.value : '';

      expect(row.field.schema.safeParse(fallback).success).toBe(true);
    },
  );

  it.each(VARIABLE_CATALOGUE)('has an example for $name that its own field accepts', (row) => {
    const example =
      row.name === 'JWT_PUBLIC_KEY'
        ? '-----BEGIN PUBLIC KEY-----\\nx\\n-----END PUBLIC KEY-----'
        : row.field.example;

    expect(row.field.schema.safeParse(example).success).toBe(true);
  });

  it('loads every app with only the required variables set', () => {
    const env = { DATABASE_URL: 'postgres://127.0.0.1:5432', KAFKA_BROKERS: '127.0.0.1:9092' };

    expect(() => appSchemas.forEach(([, schema]) => loadConfig(schema, env))).not.toThrow();
  });

  it('agrees with the JWT defaults the token command signs with', () => {
    const env = { NODE_ENV: 'development' };
    const gateway = loadConfig(gatewayConfigSchema, env);

    expect(gateway.jwt).toEqual({
      key: { kind: 'file', path: `${DEV_KEY_DIR}/${DEV_PUBLIC_KEY_FILE}` },
      issuer: DEFAULT_JWT_ISSUER,
      audience: DEFAULT_JWT_AUDIENCE,
      clockToleranceSeconds: DEFAULT_CLOCK_TOLERANCE_SECONDS,
    });
  });
});

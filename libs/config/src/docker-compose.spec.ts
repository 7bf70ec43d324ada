import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// `yaml` is already in the lockfile (through testcontainers); it resolves `<<` merge keys
// and anchors the way Docker Compose does, so the test sees what Compose sees.
import { parseDocument } from 'yaml';
import { DEV_KEY_DIR, DEV_PUBLIC_KEY_FILE } from '@app/auth/jwt-defaults';
import {
  APP_NAMES,
  PORT_VARIABLE,
  SERVICE_DATABASE,
  SERVICE_NAMES,
  SUBGRAPH_URL_VARIABLE,
  type AppName,
} from './app-names';
import type { ConfigSchema } from './config-schema';
import { gatewayConfigSchema } from './gateway-config.schema';
import { loadConfig } from './load-config';
import { serviceConfigSchema } from './service-config.schema';
import type { ConfigReader } from './variable-spec';
import { ENV_VARIABLES, VARIABLE_CATALOGUE, isVariableName } from './variables';

/*
 * docker-compose.yml cannot run on machines without a Docker engine, so this keeps it
 * honest against the configuration code: every variable an app container sets is one that
 * app reads, every app gets an environment its own schema accepts, and the wiring
 * (health checks, ports, start order, databases, topics) matches what the apps expect.
 */

type Env = Readonly<Record<string, string>>;
type Mapping = Readonly<Record<string, unknown>>;

const REPO_ROOT = join(__dirname, '..', '..', '..');
const COMPOSE_FILE = 'docker-compose.yml';
const JWT_KEY_SOURCES = ['JWT_PUBLIC_KEY', 'JWT_PUBLIC_KEY_FILE', 'JWT_JWKS_URL'] as const;
const MIGRATE = 'migrate';

const document = parseDocument(readFileSync(join(REPO_ROOT, COMPOSE_FILE), 'utf8'), {
  merge: true,
});
const compose: unknown = document.toJS();

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mappingAt(value: unknown, where: string): Mapping {
  if (!isMapping(value)) {
    throw new Error(`${COMPOSE_FILE}: ${where} is not a mapping`);
  }
  return value;
}

function service(name: string): Mapping {
  const services = mappingAt(isMapping(compose) ? compose.services : undefined, 'services');
  return mappingAt(services[name], `services.${name}`);
}

/** A service's `environment`, in either Compose form (mapping or KEY=VALUE list). */
function environmentOf(name: string): Env {
  const raw = service(name).environment;
  const entries: Array<[string, unknown]> = Array.isArray(raw)
    ? raw.map((item): [string, unknown] => {
        const [key = '', ...rest] = String(item).split('=');
        return [key, rest.join('=')];
      })
    : Object.entries(mappingAt(raw ?? {}, `services.${name}.environment`));
  const notText = entries.filter(([, value]) => typeof value !== 'string').map(([key]) => key);
  if (notText.length > 0) {
    throw new Error(
      `${COMPOSE_FILE}: services.${name}.environment ${notText.join(', ')} must be quoted strings`,
    );
  }
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** A command or health check test as one line, whichever YAML form it was written in. */
function commandLine(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map(String).join(' ');
  }
  return typeof value === 'string' ? value : '';
}

function dependencyConditions(name: string): Record<string, string> {
  const dependsOn = mappingAt(service(name).depends_on ?? {}, `services.${name}.depends_on`);
  return Object.fromEntries(
    Object.entries(dependsOn).map(([dependency, options]) => [
      dependency,
      String(isMapping(options) ? options.condition : undefined),
    ]),
  );
}

function schemaOf(app: AppName): ConfigSchema<unknown> {
  return app === 'gateway' ? gatewayConfigSchema : serviceConfigSchema(app);
}

/** The port an app listens on inside its container: its port variable, else the default. */
function portOf(app: AppName): string {
  const variable = PORT_VARIABLE[app];
  const fallback = ENV_VARIABLES[variable].default;
  return environmentOf(app)[variable] ?? fallback.value;
}

/** Variables of `env` that are not in the catalogue, or that none of `readers` reads. */
function unreadVariables(env: Env, readers: readonly ConfigReader[]): string[] {
  return Object.keys(env).filter(
    (name) =>
      !isVariableName(name) ||
      !readers.some((reader) => (ENV_VARIABLES[name].readBy as readonly string[]).includes(reader)),
  );
}

/** Required catalogue variables `app` reads that `env` leaves unset, and the JWT key rule. */
function missingRequirements(app: AppName, env: Env): string[] {
  const required = VARIABLE_CATALOGUE.filter(
    (row) => row.default.kind === 'required' && row.readBy.includes(app),
  )
    .map((row) => row.name)
    .filter((name) => (env[name] ?? '').trim() === '');
  const keySources = JWT_KEY_SOURCES.filter((name) => (env[name] ?? '').trim() !== '');
  return keySources.length === 1
    ? required
    : [...required, `exactly one of ${JWT_KEY_SOURCES.join(', ')} (found ${keySources.length})`];
}

describe('docker-compose.yml', () => {
  it('is YAML that parses without errors or warnings', () => {
    expect([...document.errors, ...document.warnings].map((problem) => problem.message)).toEqual(
      [],
    );
  });

  it('runs every app as a service of the same name, and a migrate service', () => {
    const services = mappingAt(isMapping(compose) ? compose.services : undefined, 'services');

    expect(Object.keys(services)).toEqual(expect.arrayContaining([...APP_NAMES, MIGRATE]));
  });

  it.each(APP_NAMES)('sets only catalogue variables that %s reads', (app) => {
    expect(unreadVariables(environmentOf(app), [app])).toEqual([]);
  });

  it('sets only catalogue variables the services read in the migrate service', () => {
    expect(unreadVariables(environmentOf(MIGRATE), SERVICE_NAMES)).toEqual([]);
  });

  it.each(APP_NAMES)('gives %s every required variable and one JWT key source', (app) => {
    expect(missingRequirements(app, environmentOf(app))).toEqual([]);
  });

  it.each(APP_NAMES)('gives %s an environment its config schema accepts', (app) => {
    expect(() => loadConfig(schemaOf(app), environmentOf(app))).not.toThrow();
  });

  it.each(SERVICE_NAMES)('gives the migrate run of %s an environment it accepts', (name) => {
    const env = environmentOf(MIGRATE);

    expect(missingRequirements(name, env)).toEqual([]);
    expect(() => loadConfig(serviceConfigSchema(name), env)).not.toThrow();
  });

  it.each([...APP_NAMES, MIGRATE])(
    'mounts the development public key read-only where %s looks for it',
    (name) => {
      const keyFile = environmentOf(name).JWT_PUBLIC_KEY_FILE;
      const volumes: unknown = service(name).volumes;
      const mounts = (Array.isArray(volumes) ? volumes : []).filter(isMapping);

      expect(keyFile).toBeDefined();
      expect(mounts).toContainEqual(
        expect.objectContaining({
          type: 'bind',
          source: `./${DEV_KEY_DIR}/${DEV_PUBLIC_KEY_FILE}`,
          target: keyFile,
          read_only: true,
        }),
      );
    },
  );

  it.each(APP_NAMES)('runs %s from its compiled main.js', (app) => {
    expect(commandLine(service(app).command)).toBe(`node dist/apps/${app}/src/main.js`);
  });

  it.each(APP_NAMES)(
    'checks /health/ready of %s on the port it listens on and publishes',
    (app) => {
      const port = portOf(app);
      const healthcheck = mappingAt(service(app).healthcheck, `services.${app}.healthcheck`);
      const ports: unknown = service(app).ports;

      expect(commandLine(healthcheck.test)).toContain(`http://127.0.0.1:${port}/health/ready`);
      expect(Array.isArray(ports) ? ports.map(String) : []).toContainEqual(
        expect.stringMatching(new RegExp(`:${port}:${port}$`)),
      );
    },
  );

  it('publishes the gateway on 4000 and the services on 4001-4004', () => {
    expect(APP_NAMES.map((app) => [app, portOf(app)])).toEqual([
      ['gateway', '4000'],
      ['therapist-roster', '4001'],
      ['booking', '4002'],
      ['client-record', '4003'],
      ['notification', '4004'],
    ]);
  });

  it('points the gateway at each subgraph by its service name and port', () => {
    const gateway = environmentOf('gateway');

    SERVICE_NAMES.forEach((name) => {
      expect(gateway[SUBGRAPH_URL_VARIABLE[name]]).toBe(`http://${name}:${portOf(name)}/graphql`);
    });
  });

  it.each(SERVICE_NAMES)(
    'starts %s after the migrations succeed and PostgreSQL and Kafka are healthy',
    (name) => {
      expect(dependencyConditions(name)).toEqual({
        postgres: 'service_healthy',
        kafka: 'service_healthy',
        [MIGRATE]: 'service_completed_successfully',
      });
    },
  );

  it('starts the gateway after every subgraph is healthy', () => {
    expect(dependencyConditions('gateway')).toEqual(
      Object.fromEntries(SERVICE_NAMES.map((name) => [name, 'service_healthy'])),
    );
  });

  it('migrates every service, in its own database, before exiting', () => {
    const command = commandLine(service(MIGRATE).command);

    SERVICE_NAMES.forEach((name) => {
      expect(command).toContain(`node dist/apps/${name}/src/main.js migrate`);
    });
    expect(service(MIGRATE).restart).toBe('no');
  });

  it('connects the apps to the postgres and kafka services', () => {
    const env = environmentOf(MIGRATE);
    const advertised = environmentOf('kafka').KAFKA_ADVERTISED_LISTENERS ?? '';

    expect(new URL(env.DATABASE_URL ?? '').host).toBe('postgres:5432');
    expect(advertised.split(',')).toContain(`PLAINTEXT://${env.KAFKA_BROKERS ?? ''}`);
  });

  it('creates every service database when PostgreSQL initialises', () => {
    const volumes: unknown = service('postgres').volumes;
    const initScript = (Array.isArray(volumes) ? volumes.map(String) : [])
      .map((volume) => /^\.\/(.+\.sql):\/docker-entrypoint-initdb\.d\//.exec(volume)?.[1])
      .find((path) => path !== undefined);
    const sql = readFileSync(join(REPO_ROOT, initScript ?? 'missing-init-script.sql'), 'utf8');

    expect(String(service('postgres').image)).toMatch(/^postgres:16/);
    SERVICE_NAMES.forEach((name) => {
      expect(sql).toMatch(new RegExp(`^CREATE DATABASE ${SERVICE_DATABASE[name]};$`, 'm'));
    });
  });

  it('runs one KRaft node of the official Kafka image with topic auto-creation off', () => {
    const kafka = environmentOf('kafka');

    expect(service('kafka').image).toBe('apache/kafka:3.9.1');
    expect(kafka.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(kafka.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
  });
});

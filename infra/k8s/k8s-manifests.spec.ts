import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// `yaml` is already in the lockfile (through testcontainers).
import { parseAllDocuments } from 'yaml';
import {
  APP_NAMES,
  ENV_VARIABLES,
  PORT_VARIABLE,
  SERVICE_NAMES,
  SUBGRAPH_URL_VARIABLE,
  VARIABLE_CATALOGUE,
  gatewayConfigSchema,
  isVariableName,
  loadConfig,
  serviceConfigSchema,
  type AppName,
  type ConfigSchema,
} from '@app/config';

/*
 * No cluster runs these manifests in CI, so this keeps them consistent with the
 * configuration code: each container sets only variables its app reads, gets an
 * environment its schema accepts, and is probed, scraped and migrated the way the apps
 * expect.
 */

type Mapping = Readonly<Record<string, unknown>>;
type Env = Record<string, string>;

const BASE = join(__dirname, 'base');
const JWT_KEY_SOURCES = ['JWT_PUBLIC_KEY', 'JWT_PUBLIC_KEY_FILE', 'JWT_JWKS_URL'] as const;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapping(value: unknown): Mapping {
  return isMapping(value) ? value : {};
}

function list(value: unknown): Mapping[] {
  return Array.isArray(value) ? value.filter(isMapping) : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function documentsIn(path: string): Mapping[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((document) => {
    if (document.errors.length > 0) {
      throw new Error(`${path}: ${document.errors.map((error) => error.message).join('; ')}`);
    }
    return mapping(document.toJS());
  });
}

const kustomization = documentsIn(join(BASE, 'kustomization.yaml'))[0] ?? {};
const resources = (Array.isArray(kustomization.resources) ? kustomization.resources : []).map(
  String,
);
const manifests = resources.flatMap((file) => documentsIn(join(BASE, file)));
const secretTemplate = documentsIn(join(__dirname, 'platform-secrets.template.yaml'))[0] ?? {};

function find(kind: string, name: string): Mapping {
  const found = manifests.find(
    (manifest) => manifest.kind === kind && mapping(manifest.metadata).name === name,
  );
  if (found === undefined) {
    throw new Error(`no ${kind} ${name} among the resources of base/kustomization.yaml`);
  }
  return found;
}

function podSpec(app: AppName): Mapping {
  return mapping(mapping(mapping(find('Deployment', app).spec).template).spec);
}

function container(app: AppName, kind: 'containers' | 'initContainers', name: string): Mapping {
  const found = list(podSpec(app)[kind]).find((candidate) => candidate.name === name);
  if (found === undefined) {
    throw new Error(`Deployment ${app} has no ${kind} entry named ${name}`);
  }
  return found;
}

/** What a container's environment resolves to; Secret values come from the template. */
function environmentOf(spec: Mapping): Env {
  const env: Env = {};
  list(spec.envFrom).forEach((source) => {
    const configMap = text(mapping(source.configMapRef).name);
    Object.entries(mapping(find('ConfigMap', configMap).data)).forEach(([name, value]) => {
      env[name] = text(value);
    });
  });
  list(spec.env).forEach((entry) => {
    const from = mapping(entry.valueFrom);
    const secretKey = text(mapping(from.secretKeyRef).key);
    env[text(entry.name)] =
      'value' in entry
        ? text(entry.value)
        : secretKey !== ''
          ? text(mapping(secretTemplate.stringData)[secretKey])
          : 'from-the-downward-api';
  });
  return env;
}

function schemaOf(app: AppName): ConfigSchema<unknown> {
  return app === 'gateway' ? gatewayConfigSchema : serviceConfigSchema(app);
}

function problemsWith(app: AppName, env: Env): string[] {
  const unread = Object.keys(env)
    .filter((name) => !isVariableName(name) || !readersOf(name).includes(app))
    .map((name) => `${name} is not read by ${app}`);
  const missing = VARIABLE_CATALOGUE.filter(
    (row) => row.default.kind === 'required' && row.readBy.includes(app) && !(row.name in env),
  ).map((row) => `${row.name} is required`);
  const keySources = JWT_KEY_SOURCES.filter((name) => name in env);
  return keySources.length === 1
    ? [...unread, ...missing]
    : [...unread, ...missing, `set exactly one of ${JWT_KEY_SOURCES.join(', ')}`];
}

function readersOf(name: string): readonly string[] {
  return isVariableName(name) ? ENV_VARIABLES[name].readBy : [];
}

function portOf(app: AppName): string {
  const variable = PORT_VARIABLE[app];
  return environmentOf(container(app, 'containers', app))[variable] ?? '';
}

describe('infra/k8s/base', () => {
  it('defines a Deployment and a Service for every app', () => {
    const deployed = (kind: string): string[] =>
      manifests
        .filter((manifest) => manifest.kind === kind)
        .map((manifest) => text(mapping(manifest.metadata).name));

    expect(deployed('Deployment').sort()).toEqual([...APP_NAMES].sort());
    expect(deployed('Service').sort()).toEqual([...APP_NAMES].sort());
  });

  it.each(APP_NAMES)('gives %s only variables it reads, and every one it requires', (app) => {
    expect(problemsWith(app, environmentOf(container(app, 'containers', app)))).toEqual([]);
  });

  it.each(APP_NAMES)('gives %s an environment its config schema accepts', (app) => {
    expect(() =>
      loadConfig(schemaOf(app), environmentOf(container(app, 'containers', app))),
    ).not.toThrow();
  });

  it.each(SERVICE_NAMES)('migrates %s in an init container its schema accepts', (name) => {
    const migrate = container(name, 'initContainers', 'migrate');
    const env = environmentOf(migrate);

    expect(migrate.command).toEqual(['node', `dist/apps/${name}/src/main.js`, 'migrate']);
    expect(problemsWith(name, env)).toEqual([]);
    expect(() => loadConfig(serviceConfigSchema(name), env)).not.toThrow();
  });

  it.each(APP_NAMES)('runs, probes and scrapes %s on the port it listens on', (app) => {
    const main = container(app, 'containers', app);
    const port = Number(portOf(app));
    const annotations = mapping(
      mapping(mapping(mapping(find('Deployment', app).spec).template).metadata).annotations,
    );
    const servicePorts = list(mapping(find('Service', app).spec).ports);

    expect(main.command).toEqual(['node', `dist/apps/${app}/src/main.js`]);
    expect(list(main.ports)).toContainEqual({ name: 'http', containerPort: port });
    expect(mapping(mapping(main.readinessProbe).httpGet)).toEqual({
      path: '/health/ready',
      port: 'http',
    });
    expect(mapping(mapping(main.livenessProbe).httpGet)).toEqual({
      path: '/health/live',
      port: 'http',
    });
    expect(annotations).toEqual({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': String(port),
      'prometheus.io/path': '/metrics',
    });
    expect(servicePorts).toContainEqual({ name: 'http', port, targetPort: 'http' });
  });

  it('points the gateway at each subgraph Service on its port', () => {
    const gateway = environmentOf(container('gateway', 'containers', 'gateway'));

    expect(
      SERVICE_NAMES.map((name) => new URL(gateway[SUBGRAPH_URL_VARIABLE[name]] ?? '').host),
    ).toEqual(SERVICE_NAMES.map((name) => `${name}:${portOf(name)}`));
  });

  it('autoscales the gateway and booking, and shields the gateway from disruptions', () => {
    const autoscaled = manifests
      .filter((manifest) => manifest.kind === 'HorizontalPodAutoscaler')
      .map((manifest) => text(mapping(mapping(manifest.spec).scaleTargetRef).name));

    expect(autoscaled.sort()).toEqual(['booking', 'gateway']);
    expect(find('PodDisruptionBudget', 'gateway').spec).toBeDefined();
  });
});

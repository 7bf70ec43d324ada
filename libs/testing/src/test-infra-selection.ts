/**
 * Where the test infrastructure comes from, decided once per Jest run (pure logic; the
 * global setup does the I/O). Each of PostgreSQL and Kafka independently:
 *   1. DATABASE_URL / KAFKA_BROKERS when set;
 *   2. else testcontainers when a Docker engine answers;
 *   3. else the local stack (embedded PostgreSQL, Kafka from the jars on Maven Central).
 * TEST_INFRA=local skips the Docker probe; TEST_INFRA=testcontainers insists on Docker.
 */

export type InfraSource =
  | { readonly kind: 'env'; readonly value: string }
  | { readonly kind: 'testcontainers' }
  | { readonly kind: 'local' };

export interface TestInfraPlan {
  readonly postgres: InfraSource;
  readonly kafka: InfraSource;
}

export type TestInfraEnv = Readonly<Record<string, string | undefined>>;

export type TestInfraMode = 'auto' | 'local' | 'testcontainers';

export interface TestInfraInput {
  readonly env: TestInfraEnv;
  /** Whether a Docker engine answered; undefined when it was not probed. */
  readonly dockerAnswers: boolean | undefined;
}

/** The parts of Jest's globalConfig that decide whether infrastructure is needed. */
export interface JestRunSelection {
  /** `--selectProjects`; undefined when every project runs. */
  readonly selectProjects?: readonly string[];
  readonly ignoreProjects?: readonly string[];
  /** Test path patterns given on the command line. */
  readonly testPathPatterns?: readonly string[];
}

/** The Jest projects (display names) that need PostgreSQL and Kafka. */
export const INFRA_PROJECTS: readonly string[] = ['integration', 'e2e'];

function given(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

export function testInfraMode(env: TestInfraEnv): TestInfraMode {
  const value = given(env.TEST_INFRA) ?? 'auto';
  switch (value) {
    case 'auto':
    case 'local':
    case 'testcontainers':
      return value;
    default:
      throw new Error(
        `TEST_INFRA is "${value}": expected auto (default), local or testcontainers.`,
      );
  }
}

/** Probe Docker only when something is not given by the environment and Docker may be used. */
export function needsDockerProbe(env: TestInfraEnv): boolean {
  const missing = given(env.DATABASE_URL) === undefined || given(env.KAFKA_BROKERS) === undefined;
  return missing && testInfraMode(env) !== 'local';
}

export function selectTestInfra(input: TestInfraInput): TestInfraPlan {
  const mode = testInfraMode(input.env);
  if (mode === 'testcontainers' && input.dockerAnswers !== true) {
    throw new Error(
      'TEST_INFRA=testcontainers, but no Docker engine answers: start Docker, or unset TEST_INFRA to use ' +
        'the local stack (Java 17+ for Kafka), or set DATABASE_URL and KAFKA_BROKERS.',
    );
  }
  const fallback: InfraSource =
    mode !== 'local' && input.dockerAnswers === true
      ? { kind: 'testcontainers' }
      : { kind: 'local' };
  const from = (variable: string): InfraSource => {
    const value = given(input.env[variable]);
    return value !== undefined ? { kind: 'env', value } : fallback;
  };
  return { postgres: from('DATABASE_URL'), kafka: from('KAFKA_BROKERS') };
}

/**
 * True unless the run certainly contains only unit tests: projects selected without
 * integration/e2e, or every path pattern naming a plain `*.spec.ts` file.
 */
export function infraNeeded(run: JestRunSelection): boolean {
  const ignored = new Set(run.ignoreProjects ?? []);
  const selected = run.selectProjects ?? INFRA_PROJECTS;
  if (!selected.some((project) => INFRA_PROJECTS.includes(project) && !ignored.has(project))) {
    return false;
  }
  const patterns = run.testPathPatterns ?? [];
  return patterns.length === 0 || !patterns.every(isCertainlyUnitSpecPattern);
}

function isCertainlyUnitSpecPattern(pattern: string): boolean {
  return /^[\w./-]*\.spec\.ts$/.test(pattern) && !/(int|e2e)[.-]spec\.ts$/.test(pattern);
}

/**
 * The run's selection from Jest's globalConfig (typed `unknown` here) and the Jest
 * process's command line. Jest 30 keeps --selectProjects / --ignoreProjects out of the
 * globalConfig it hands to global setup, so they are read from `argv` (the same greedy
 * way Jest reads them: every following word up to the next option).
 */
export function jestRunSelectionFrom(
  globalConfig: unknown,
  argv: readonly string[] = [],
): JestRunSelection {
  const config: Record<string, unknown> =
    typeof globalConfig === 'object' && globalConfig !== null ? { ...globalConfig } : {};
  const strings = (value: unknown): readonly string[] | undefined =>
    Array.isArray(value) && value.every((item): item is string => typeof item === 'string')
      ? value
      : undefined;
  const patternsField = config.testPathPatterns;
  const patterns =
    strings(patternsField) ??
    (typeof patternsField === 'object' && patternsField !== null && 'patterns' in patternsField
      ? strings(patternsField.patterns)
      : undefined);
  return {
    selectProjects: strings(config.selectProjects) ?? optionValues(argv, 'selectProjects'),
    ignoreProjects: strings(config.ignoreProjects) ?? optionValues(argv, 'ignoreProjects'),
    testPathPatterns: patterns,
  };
}

function optionValues(argv: readonly string[], camelName: string): readonly string[] | undefined {
  const names = [
    `--${camelName}`,
    `--${camelName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
  ];
  let values: string[] | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    const inline = names.map((name) => `${name}=`).find((prefix) => arg.startsWith(prefix));
    if (inline !== undefined || names.includes(arg)) {
      values = values ?? [];
      if (inline !== undefined) {
        values.push(arg.slice(inline.length));
      }
      // Greedy in both forms, as Jest's own parser: `--selectProjects=unit integration`
      // selects both projects.
      while (index + 1 < argv.length && !argv[index + 1].startsWith('-')) {
        index += 1;
        values.push(argv[index]);
      }
    }
  }
  return values;
}

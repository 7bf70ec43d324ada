import {
  infraNeeded,
  jestRunSelectionFrom,
  needsDockerProbe,
  selectTestInfra,
} from './test-infra-selection';

const DATABASE_URL = 'postgres://postgres:secret@db.example:5432/postgres';
const KAFKA_BROKERS = 'kafka.example:9092';

describe(selectTestInfra.name, () => {
  it('takes both servers from the environment when DATABASE_URL and KAFKA_BROKERS are set', () => {
    expect(
      selectTestInfra({ env: { DATABASE_URL, KAFKA_BROKERS }, dockerAnswers: undefined }),
    ).toEqual({
      postgres: { kind: 'env', value: DATABASE_URL },
      kafka: { kind: 'env', value: KAFKA_BROKERS },
    });
  });

  it('uses testcontainers for what the environment does not give when a Docker engine answers', () => {
    expect(selectTestInfra({ env: { DATABASE_URL }, dockerAnswers: true })).toEqual({
      postgres: { kind: 'env', value: DATABASE_URL },
      kafka: { kind: 'testcontainers' },
    });
    expect(selectTestInfra({ env: { KAFKA_BROKERS }, dockerAnswers: true })).toEqual({
      postgres: { kind: 'testcontainers' },
      kafka: { kind: 'env', value: KAFKA_BROKERS },
    });
  });

  it('falls back to the local stack when no Docker engine answers', () => {
    expect(selectTestInfra({ env: {}, dockerAnswers: false })).toEqual({
      postgres: { kind: 'local' },
      kafka: { kind: 'local' },
    });
  });

  it('treats blank variables as unset', () => {
    expect(
      selectTestInfra({ env: { DATABASE_URL: '  ', KAFKA_BROKERS: '' }, dockerAnswers: false }),
    ).toEqual({
      postgres: { kind: 'local' },
      kafka: { kind: 'local' },
    });
  });

  it('uses the local stack with TEST_INFRA=local even when Docker answers', () => {
    expect(selectTestInfra({ env: { TEST_INFRA: 'local' }, dockerAnswers: true })).toEqual({
      postgres: { kind: 'local' },
      kafka: { kind: 'local' },
    });
  });

  it('refuses TEST_INFRA=testcontainers without a Docker engine, saying what to do', () => {
    expect(() =>
      selectTestInfra({ env: { TEST_INFRA: 'testcontainers' }, dockerAnswers: false }),
    ).toThrow(/no Docker engine answers: start Docker/);
  });

  it('rejects an unknown TEST_INFRA, naming the variable and the accepted values', () => {
    expect(() => selectTestInfra({ env: { TEST_INFRA: 'docker' }, dockerAnswers: false })).toThrow(
      'TEST_INFRA is "docker": expected auto (default), local or testcontainers.',
    );
  });
});

describe(needsDockerProbe.name, () => {
  it('skips the probe when the environment gives both servers', () => {
    expect(needsDockerProbe({ DATABASE_URL, KAFKA_BROKERS })).toBe(false);
  });

  it('probes when either server is missing', () => {
    expect(needsDockerProbe({ DATABASE_URL })).toBe(true);
    expect(needsDockerProbe({ KAFKA_BROKERS })).toBe(true);
  });

  it('skips the probe with TEST_INFRA=local', () => {
    expect(needsDockerProbe({ TEST_INFRA: 'local' })).toBe(false);
  });
});

describe(infraNeeded.name, () => {
  it('is needed when every project runs', () => {
    expect(infraNeeded({})).toBe(true);
  });

  it('is needed when the integration or e2e project is selected', () => {
    expect(infraNeeded({ selectProjects: ['integration'] })).toBe(true);
    expect(infraNeeded({ selectProjects: ['unit', 'e2e'] })).toBe(true);
  });

  it('is not needed when only the unit project is selected', () => {
    expect(infraNeeded({ selectProjects: ['unit'] })).toBe(false);
  });

  it('is not needed when integration and e2e are ignored', () => {
    expect(infraNeeded({ ignoreProjects: ['integration', 'e2e'] })).toBe(false);
  });

  it('is not needed when every path pattern names a plain unit spec file', () => {
    expect(
      infraNeeded({ testPathPatterns: ['libs/testing/src/test-infra-selection.spec.ts'] }),
    ).toBe(false);
  });

  it('is needed when a path pattern may match an integration spec', () => {
    expect(
      infraNeeded({ testPathPatterns: ['libs/messaging/src/outbox/outbox.int-spec.ts'] }),
    ).toBe(true);
    expect(infraNeeded({ testPathPatterns: ['libs/messaging'] })).toBe(true);
    expect(infraNeeded({ testPathPatterns: ['.*spec.ts'] })).toBe(true);
  });
});

describe(jestRunSelectionFrom.name, () => {
  it("reads the patterns of Jest's TestPathPatterns object", () => {
    const globalConfig = { testPathPatterns: { patterns: ['libs/local-stack'] }, rootDir: '/repo' };
    expect(jestRunSelectionFrom(globalConfig, []).testPathPatterns).toEqual(['libs/local-stack']);
  });

  it('reads --selectProjects from the command line, every word up to the next option', () => {
    const argv = ['libs/local-stack', '--selectProjects', 'unit', 'integration', '--runInBand'];
    expect(jestRunSelectionFrom({}, argv).selectProjects).toEqual(['unit', 'integration']);
  });

  it('reads the --option=value and kebab-case forms', () => {
    const argv = ['--select-projects=integration', '--ignoreProjects=e2e'];
    expect(jestRunSelectionFrom({}, argv)).toEqual({
      selectProjects: ['integration'],
      ignoreProjects: ['e2e'],
      testPathPatterns: undefined,
    });
  });

  it('reads every word after --selectProjects=first, as Jest does', () => {
    const argv = ['apps/therapist-roster', '--selectProjects=unit', 'integration', '--runInBand'];
    expect(jestRunSelectionFrom({}, argv).selectProjects).toEqual(['unit', 'integration']);
  });

  it('prefers a selection Jest puts in globalConfig', () => {
    expect(
      jestRunSelectionFrom({ selectProjects: ['e2e'] }, ['--selectProjects', 'unit'])
        .selectProjects,
    ).toEqual(['e2e']);
  });

  it('leaves the selection open when neither names projects', () => {
    expect(jestRunSelectionFrom({ rootDir: '/repo' }, ['libs/messaging'])).toEqual({
      selectProjects: undefined,
      ignoreProjects: undefined,
      testPathPatterns: undefined,
    });
  });
});

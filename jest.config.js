// Three projects: unit (pure logic, no I/O), integration (real PostgreSQL and Kafka),
// e2e (every app running, through the gateway). See README "Tests".
const swc = ['@swc/jest', { swcrc: true }];
const moduleNameMapper = {
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/infra/.cache/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Hooks share this timeout (a per-project testTimeout does not reach them): integration
  // suites start consumers and leave groups in beforeAll/afterAll.
  testTimeout: 120_000,
  // One suite at a time: a service's integration suites each boot the service, and its
  // consumers join the service's one consumer group (as in production) on the run's shared
  // broker; two suites of one service running at once would split the partitions and take
  // each other's events. This costs time: give each test app its own group to lift it.
  maxWorkers: 1,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,infra}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};

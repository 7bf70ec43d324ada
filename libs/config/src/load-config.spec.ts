import { ConfigError } from './config-error';
import { defineConfigSchema } from './config-schema';
import { loadConfig } from './load-config';

const bookingPortAndBrokers = defineConfigSchema({
  appName: 'booking',
  variables: ['BOOKING_PORT', 'KAFKA_BROKERS'],
  build: (values) => ({ port: values.BOOKING_PORT, brokers: values.KAFKA_BROKERS }),
});

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration loaded');
}

describe(loadConfig.name, () => {
  it('names every bad variable with what was expected and what was wrong', () => {
    const error = errorOf(() => loadConfig(bookingPortAndBrokers, { BOOKING_PORT: 'abc' }));

    expect(error.message).toContain(
      'Invalid configuration for booking:\n' +
        '  - BOOKING_PORT: expected an integer port 1-65535, got "abc"\n' +
        '  - KAFKA_BROKERS: required (comma-separated host:port list), e.g. 127.0.0.1:9092\n',
    );
    expect(error.issues.map((issue) => issue.variables)).toEqual([
      ['BOOKING_PORT'],
      ['KAFKA_BROKERS'],
    ]);
  });

  it('tells the operator where to look after listing the problems', () => {
    const error = errorOf(() => loadConfig(bookingPortAndBrokers, {}));

    expect(error.message.split('\n').at(-1)).toMatch(
      /Set or fix these environment variables.*README/,
    );
  });

  it('applies the catalogue default when a variable is unset', () => {
    const config = loadConfig(bookingPortAndBrokers, { KAFKA_BROKERS: '127.0.0.1:9092' });

    expect(config).toEqual({ port: 4002, brokers: ['127.0.0.1:9092'] });
  });

  it('treats an empty or blank value as unset', () => {
    const config = loadConfig(bookingPortAndBrokers, {
      BOOKING_PORT: '  ',
      KAFKA_BROKERS: ' a:1 ',
    });

    expect(config).toEqual({ port: 4002, brokers: ['a:1'] });
  });

  it('explains which broker entry is malformed', () => {
    const error = errorOf(() =>
      loadConfig(bookingPortAndBrokers, { KAFKA_BROKERS: '127.0.0.1:9092,kafka,b:70000' }),
    );

    expect(error.message).toContain(
      'KAFKA_BROKERS: expected comma-separated host:port list, got "127.0.0.1:9092,kafka,b:70000" ' +
        '("kafka" has no :port; "b:70000" has port 70000 outside 1-65535)',
    );
  });

  it('never prints the value of a secret variable', () => {
    const schema = defineConfigSchema({
      appName: 'booking',
      variables: ['DATABASE_URL'],
      build: (values) => values.DATABASE_URL,
    });

    const error = errorOf(() =>
      loadConfig(schema, { DATABASE_URL: 'mysql://admin:hunter2@db:3306' }),
    );

    expect(error.message).toContain('DATABASE_URL: expected a postgres:// server URL');
    expect(error.message).toContain('scheme is mysql:// instead of postgres://');
    expect(error.message).not.toContain('hunter2');
  });

  it('says when a default derived from another variable is what failed', () => {
    const schema = defineConfigSchema({
      appName: 'gateway',
      variables: ['ROSTER_URL'],
      build: (values) => values.ROSTER_URL,
    });

    const error = errorOf(() => loadConfig(schema, { ROSTER_PORT: 'x y' }));

    expect(error.message).toContain('ROSTER_URL: expected an http:// or https:// URL');
    expect(error.message).toContain('this is the default (http://127.0.0.1:$ROSTER_PORT/graphql)');
  });

  it('reports a broken cross-variable rule together with the other problems', () => {
    const schema = defineConfigSchema({
      appName: 'booking',
      variables: ['BOOKING_PORT', 'JWT_ISSUER'],
      rules: [{ variables: ['JWT_ISSUER'], check: () => 'issuer rule broken' }],
      build: (values) => values,
    });

    const error = errorOf(() => loadConfig(schema, { BOOKING_PORT: '0' }));

    expect(error.issues).toEqual([
      { variables: ['BOOKING_PORT'], problem: 'expected an integer port 1-65535, got "0"' },
      { variables: ['JWT_ISSUER'], problem: 'issuer rule broken' },
    ]);
  });

  it('skips a rule whose variables already failed on their own', () => {
    const schema = defineConfigSchema({
      appName: 'booking',
      variables: ['BOOKING_PORT'],
      rules: [{ variables: ['BOOKING_PORT'], check: () => 'should not be reported' }],
      build: (values) => values,
    });

    const error = errorOf(() => loadConfig(schema, { BOOKING_PORT: 'abc' }));

    expect(error.issues).toHaveLength(1);
  });

  it('returns a deeply frozen config', () => {
    const config = loadConfig(bookingPortAndBrokers, { KAFKA_BROKERS: 'a:1,b:2' });

    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.brokers)).toBe(true);
  });

  it('refuses a schema that reads a variable missing from the catalogue', () => {
    const rogue = {
      ...bookingPortAndBrokers,
      variables: ['NOT_IN_CATALOGUE'],
    } as unknown as typeof bookingPortAndBrokers;

    expect(() => loadConfig(rogue, {})).toThrow(
      /NOT_IN_CATALOGUE.*missing from libs\/config\/src\/variables.ts/,
    );
  });
});

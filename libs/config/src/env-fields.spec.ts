import type { EnvField } from './env-field';
import {
  booleanField,
  brokersField,
  durationMsField,
  integerField,
  logLevelField,
  nodeEnvField,
  portField,
  postgresUrlField,
} from './env-fields';

function parse<T>(field: EnvField<T>, raw: string): T | 'invalid' {
  const result = field.schema.safeParse(raw);
  return result.success ? result.data : 'invalid';
}

describe('env fields', () => {
  it('accepts ports 1-65535 only, as whole numbers', () => {
    const port = portField();

    expect(
      ['1', '65535', '0', '65536', '80.5', '1e3', 'http'].map((raw) => parse(port, raw)),
    ).toEqual([1, 65_535, 'invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
  });

  it('splits a broker list and trims each entry', () => {
    expect(parse(brokersField(), 'a:9092, b.example.com:9093')).toEqual([
      'a:9092',
      'b.example.com:9093',
    ]);
    expect(parse(brokersField(), 'a:9092,,b:1')).toBe('invalid');
  });

  it('reads the usual spellings of a boolean flag', () => {
    const flag = booleanField();

    expect(
      ['true', 'ON', '1', 'yes', 'false', 'off', '0', 'No', 'maybe'].map((raw) => parse(flag, raw)),
    ).toEqual([true, true, true, true, false, false, false, false, 'invalid']);
  });

  it('accepts NODE_ENV and LOG_LEVEL values in any case', () => {
    expect(parse(nodeEnvField(), 'Production')).toBe('production');
    expect(parse(nodeEnvField(), 'prod')).toBe('invalid');
    expect(parse(logLevelField(), 'WARN')).toBe('warn');
  });

  it('enforces the minimum of a duration and an integer', () => {
    expect(parse(durationMsField({ min: 10, example: '1000' }), '9')).toBe('invalid');
    expect(parse(durationMsField({ min: 10, example: '1000' }), '10')).toBe(10);
    expect(parse(integerField({ min: 0, max: 3, example: '1' }), '4')).toBe('invalid');
  });

  it('accepts postgres:// and postgresql:// server URLs only', () => {
    const url = postgresUrlField();

    expect(parse(url, 'postgres://u:p@127.0.0.1:5432')).toBe('postgres://u:p@127.0.0.1:5432');
    expect(parse(url, 'postgresql://db/postgres')).toBe('postgresql://db/postgres');
    expect(parse(url, 'http://db:5432')).toBe('invalid');
    expect(parse(url, 'not a url')).toBe('invalid');
    expect(url.secret).toBe(true);
  });
});

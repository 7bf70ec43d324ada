import type { ReadinessCheck } from './readiness-check';
import { ReadinessRegistry } from './readiness-registry';

const database: ReadinessCheck = { name: 'database', check: () => Promise.resolve() };
const kafka: ReadinessCheck = {
  name: 'kafka',
  check: () => Promise.reject(new Error('no broker')),
};

describe(ReadinessRegistry.name, () => {
  it('evaluates the checks it was built with and those registered later', async () => {
    const registry = new ReadinessRegistry([database]);
    registry.register(kafka);

    const report = await registry.evaluate();

    expect(registry.names()).toEqual(['database', 'kafka']);
    expect(report.status).toBe('not_ready');
    expect(report.checks.map((check) => check.status)).toEqual(['up', 'down']);
  });

  it('refuses two checks with the same name', () => {
    const registry = new ReadinessRegistry([database]);

    expect(() => registry.register({ ...database })).toThrow(/"database" is already registered/);
  });
});

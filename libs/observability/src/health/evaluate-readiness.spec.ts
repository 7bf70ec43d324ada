import { evaluateReadiness } from './evaluate-readiness';
import type { ReadinessCheck } from './readiness-check';

function passing(name: string): ReadinessCheck {
  return { name, check: () => Promise.resolve() };
}

function failing(name: string, message: string): ReadinessCheck {
  return { name, check: () => Promise.reject(new Error(message)) };
}

describe(evaluateReadiness.name, () => {
  it('is ready when every check passes', async () => {
    const report = await evaluateReadiness([passing('database'), passing('kafka')], {
      timeoutMs: 1000,
    });

    expect(report).toEqual({
      status: 'ready',
      checks: [
        { name: 'database', status: 'up', durationMs: expect.any(Number) },
        { name: 'kafka', status: 'up', durationMs: expect.any(Number) },
      ],
    });
  });

  it('is not ready when one check fails, and says which and why', async () => {
    const report = await evaluateReadiness(
      [passing('database'), failing('kafka', 'broker 127.0.0.1:9092 refused')],
      {
        timeoutMs: 1000,
      },
    );

    expect(report.status).toBe('not_ready');
    expect(report.checks[1]).toEqual({
      name: 'kafka',
      status: 'down',
      durationMs: expect.any(Number),
      error: 'broker 127.0.0.1:9092 refused',
    });
  });

  it('fails a check that does not answer in time', async () => {
    const hanging: ReadinessCheck = { name: 'database', check: () => new Promise(() => undefined) };

    const report = await evaluateReadiness([hanging], { timeoutMs: 20 });

    expect(report).toMatchObject({
      status: 'not_ready',
      checks: [{ name: 'database', status: 'down', error: 'no answer within 20 ms' }],
    });
  });

  it('fails a check that throws instead of rejecting', async () => {
    const throwing: ReadinessCheck = {
      name: 'kafka',
      check: () => {
        throw new Error('not connected');
      },
    };

    const report = await evaluateReadiness([throwing], { timeoutMs: 1000 });

    expect(report.checks[0]).toMatchObject({ status: 'down', error: 'not connected' });
  });

  it('runs the checks at the same time', async () => {
    const slow = (name: string): ReadinessCheck => ({
      name,
      check: () => new Promise((resolve) => setTimeout(resolve, 60)),
    });
    const started = Date.now();

    await evaluateReadiness([slow('a'), slow('b'), slow('c')], { timeoutMs: 1000 });

    expect(Date.now() - started).toBeLessThan(150);
  });

  it('is ready with no checks at all', async () => {
    await expect(evaluateReadiness([], { timeoutMs: 1000 })).resolves.toEqual({
      status: 'ready',
      checks: [],
    });
  });
});

import type { ReadinessCheck } from './readiness-check';

export interface ReadinessCheckResult {
  readonly name: string;
  readonly status: 'up' | 'down';
  readonly durationMs: number;
  /** Why the check failed (only when down). */
  readonly error?: string;
}

export interface ReadinessReport {
  readonly status: 'ready' | 'not_ready';
  readonly checks: readonly ReadinessCheckResult[];
}

/**
 * Runs every check at once, each bounded by `timeoutMs`; ready only if every check passes
 * (and trivially ready with no checks). Never rejects.
 */
export async function evaluateReadiness(
  checks: readonly ReadinessCheck[],
  options: { readonly timeoutMs: number },
): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map((check) => runCheck(check, options.timeoutMs)));
  return {
    status: results.every((result) => result.status === 'up') ? 'ready' : 'not_ready',
    checks: results,
  };
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<ReadinessCheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(() => check.check()), timeout]);
    return { name: check.name, status: 'up', durationMs: elapsed(started) };
  } catch (error: unknown) {
    return {
      name: check.name,
      status: 'down',
      durationMs: elapsed(started),
      error: describe(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.message === '' ? error.name : error.message;
  }
  return String(error);
}

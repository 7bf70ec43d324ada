import { evaluateReadiness, type ReadinessReport } from './evaluate-readiness';
import type { ReadinessCheck } from './readiness-check';

export const DEFAULT_READINESS_TIMEOUT_MS = 3_000;

/**
 * The app's readiness checks. HealthModule.forRoot fills it with the checks it is given;
 * code that only knows its check at run time can `register` it.
 */
export class ReadinessRegistry {
  private readonly checks: ReadinessCheck[] = [];

  constructor(
    checks: readonly ReadinessCheck[] = [],
    private readonly timeoutMs: number = DEFAULT_READINESS_TIMEOUT_MS,
  ) {
    checks.forEach((check) => this.register(check));
  }

  register(check: ReadinessCheck): void {
    if (this.checks.some((existing) => existing.name === check.name)) {
      throw new Error(
        `a readiness check named "${check.name}" is already registered: give each check its own name`,
      );
    }
    this.checks.push(check);
  }

  names(): readonly string[] {
    return this.checks.map((check) => check.name);
  }

  evaluate(): Promise<ReadinessReport> {
    return evaluateReadiness(this.checks, { timeoutMs: this.timeoutMs });
  }
}

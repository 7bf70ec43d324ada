import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { HealthController } from './health.controller';
import type { ReadinessCheck } from './readiness-check';
import { DEFAULT_READINESS_TIMEOUT_MS, ReadinessRegistry } from './readiness-registry';

export interface HealthModuleOptions {
  /** Readiness check classes; Nest builds them, so they may inject what `imports` provide. */
  readonly checks?: ReadonlyArray<Type<ReadinessCheck>>;
  /** Modules the checks' dependencies come from (global modules need no listing). */
  readonly imports?: ModuleMetadata['imports'];
  /** Upper bound for each check; default 3000 ms. */
  readonly timeoutMs?: number;
}

/**
 * Liveness and readiness endpoints with pluggable checks:
 *
 *   HealthModule.forRoot({ checks: [DatabaseReadinessCheck, KafkaReadinessCheck] })
 *
 * ReadinessRegistry is exported for checks that are registered at run time.
 */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    const checks = options.checks ?? [];
    const timeoutMs = options.timeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS;
    return {
      module: HealthModule,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [
        ...checks,
        {
          provide: ReadinessRegistry,
          useFactory: (...instances: ReadinessCheck[]) =>
            new ReadinessRegistry(instances, timeoutMs),
          inject: [...checks],
        },
      ],
      exports: [ReadinessRegistry],
    };
  }
}

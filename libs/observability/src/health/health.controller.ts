import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import type { ReadinessReport } from './evaluate-readiness';
import { ReadinessRegistry } from './readiness-registry';

/**
 * `GET /health/live`: 200 while the process can answer at all.
 * `GET /health/ready`: 200 when every readiness check passes, else 503 naming the failures.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('live')
  @Header('Cache-Control', 'no-store')
  live(): { status: 'alive' } {
    return { status: 'alive' };
  }

  @Get('ready')
  @Header('Cache-Control', 'no-store')
  async ready(): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate();
    if (report.status !== 'ready') {
      throw new ServiceUnavailableException(report);
    }
    return report;
  }
}

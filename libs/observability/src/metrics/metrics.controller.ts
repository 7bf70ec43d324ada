import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { PlatformMetrics } from './platform-metrics';

/** `GET /metrics`: the app's registry in the Prometheus text format. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}

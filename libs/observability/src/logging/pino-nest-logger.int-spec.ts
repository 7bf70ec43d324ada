import { Controller, Get, Logger, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import request from 'supertest';
import { correlationIdMiddleware } from '../correlation/correlation-id.middleware';
import { CORRELATION_HEADER } from '../request-context';
import { createLogger } from './create-logger';
import { PinoNestLogger } from './pino-nest-logger';

/* Nest's own logs (buffered during bootstrap, then from a request) go through pino. */

@Controller('clinics')
class ClinicController {
  private readonly logger = new Logger(ClinicController.name);

  @Get()
  list(): string[] {
    this.logger.log('listing clinics');
    return ['Leeds'];
  }
}

@Module({ controllers: [ClinicController] })
class ProbeModule {}

describe(PinoNestLogger.name, () => {
  it("writes Nest's bootstrap and request logs as JSON lines with context and correlation id", async () => {
    const raw: string[] = [];
    const logger = createLogger({
      service: 'probe',
      level: 'info',
      format: 'json',
      destination: { write: (line: string) => void raw.push(line) },
    });
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    const app = moduleRef.createNestApplication({ bufferLogs: true });
    app.useLogger(new PinoNestLogger(logger));
    app.use(correlationIdMiddleware);
    await app.init();

    try {
      await request(app.getHttpServer() as Server)
        .get('/clinics')
        .set(CORRELATION_HEADER, 'corr-rest')
        .expect(200);
    } finally {
      await app.close();
    }

    const lines = raw.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({ service: 'probe', context: 'RoutesResolver' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'listing clinics',
        context: 'ClinicController',
        correlationId: 'corr-rest',
      }),
    );
  });
});

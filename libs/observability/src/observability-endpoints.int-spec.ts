import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import request from 'supertest';
import { HealthModule } from './health/health.module';
import type { ReadinessCheck } from './health/readiness-check';
import { MetricsModule } from './metrics/metrics.module';

/*
 * The HTTP surface every app gets from this library, booted in a real Nest + Apollo app:
 * /health/live, /health/ready (pluggable checks) and /metrics (with the GraphQL plugin and
 * HTTP timing wired by MetricsModule alone). No PostgreSQL or Kafka involved.
 */

@Injectable()
class SwitchableCheck implements ReadinessCheck {
  readonly name = 'kafka';
  healthy = true;

  check(): Promise<void> {
    return this.healthy
      ? Promise.resolve()
      : Promise.reject(new Error('broker 127.0.0.1:9092 unreachable'));
  }
}

@Resolver()
class ClinicResolver {
  @Query(() => String)
  clinicName(): string {
    return 'Leeds';
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      playground: false,
    }),
    MetricsModule.forRoot({ service: 'probe', defaultMetrics: false }),
    HealthModule.forRoot({ checks: [SwitchableCheck] }),
  ],
  providers: [ClinicResolver],
})
class ProbeAppModule {}

describe('observability endpoints', () => {
  let app: INestApplication;
  let server: Server;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeAppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    server = app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers liveness with 200', async () => {
    await request(server).get('/health/live').expect(200, { status: 'alive' });
  });

  it('answers readiness with 200 while every check passes', async () => {
    const response = await request(server).get('/health/ready').expect(200);

    expect(response.body).toMatchObject({
      status: 'ready',
      checks: [{ name: 'kafka', status: 'up' }],
    });
  });

  it('answers readiness with 503 naming the failed check', async () => {
    const check = app.get(SwitchableCheck);
    check.healthy = false;
    try {
      const response = await request(server).get('/health/ready').expect(503);

      expect(response.body).toMatchObject({
        status: 'not_ready',
        checks: [{ name: 'kafka', status: 'down', error: 'broker 127.0.0.1:9092 unreachable' }],
      });
    } finally {
      check.healthy = true;
    }
  });

  it('serves GraphQL and HTTP latency on /metrics in the Prometheus format', async () => {
    await request(server)
      .post('/graphql')
      .send({ query: 'query ClinicName { clinicName }' })
      .expect(200);
    await request(server).get('/health/live').expect(200);

    const response = await request(server).get('/metrics').expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(response.text).toMatch(
      /graphql_request_duration_seconds_count\{(?=[^}]*operation="ClinicName")(?=[^}]*outcome="success")[^}]*\} 1/,
    );
    expect(response.text).toMatch(
      /http_request_duration_seconds_count\{(?=[^}]*route="\/health\/live")(?=[^}]*status="200")[^}]*\} [1-9]/,
    );
    expect(response.text).toMatch(
      /http_request_duration_seconds_count\{(?=[^}]*route="\/graphql")[^}]*\} 1/,
    );
  });
});

import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  Module,
  type INestApplication,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { GraphQLModule, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { createLogger } from '../logging/create-logger';
import { CORRELATION_HEADER, currentCorrelationId } from '../request-context';
import { CorrelationIdMiddleware, correlationIdMiddleware } from './correlation-id.middleware';

/*
 * Proves the AsyncLocalStorage context set by the middleware reaches GraphQL resolvers under
 * @nestjs/apollo + Apollo Server 5 + express 5, across awaits, and into log lines. No
 * PostgreSQL or Kafka involved; it lives with the integration tests because it boots Nest.
 */

const logLines: string[] = [];
const logger = createLogger({
  service: 'probe',
  level: 'info',
  format: 'json',
  destination: { write: (line: string) => void logLines.push(line) },
});

@Resolver()
class ProbeResolver {
  @Query(() => String, { nullable: true })
  async correlationId(): Promise<string | undefined> {
    await sleep(5);
    await Promise.resolve();
    logger.info('resolving probe');
    return currentCorrelationId();
  }
}

const graphql = GraphQLModule.forRoot<ApolloDriverConfig>({
  driver: ApolloDriver,
  autoSchemaFile: true,
  playground: false,
});

@Module({ imports: [graphql], providers: [ProbeResolver] })
class PlainAppModule {}

@Module({ imports: [graphql], providers: [ProbeResolver] })
class NestMiddlewareAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*');
  }
}

async function start(
  module: typeof PlainAppModule,
  useExpressMiddleware: boolean,
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  if (useExpressMiddleware) {
    app.use(correlationIdMiddleware);
  }
  await app.init();
  return app;
}

async function askCorrelationId(
  app: INestApplication,
  header?: string,
): Promise<{ resolved: unknown; echoed: unknown }> {
  const call = request(app.getHttpServer() as Server)
    .post('/graphql')
    .set('content-type', 'application/json');
  if (header !== undefined) {
    call.set(CORRELATION_HEADER, header);
  }
  const response = await call.send({ query: '{ correlationId }' }).expect(200);
  const body = response.body as { data?: { correlationId?: unknown } };
  return { resolved: body.data?.correlationId, echoed: response.headers[CORRELATION_HEADER] };
}

describe(correlationIdMiddleware.name, () => {
  describe.each([
    ['app.use(correlationIdMiddleware)', PlainAppModule, true],
    ['consumer.apply(CorrelationIdMiddleware)', NestMiddlewareAppModule, false],
  ] as const)('registered with %s', (_how, module, useExpressMiddleware) => {
    let app: INestApplication;

    beforeAll(async () => {
      app = await start(module, useExpressMiddleware);
    });

    afterAll(async () => {
      await app.close();
    });

    it("carries the caller's correlation id into the resolver and echoes it", async () => {
      await expect(askCorrelationId(app, 'caller-id-1')).resolves.toEqual({
        resolved: 'caller-id-1',
        echoed: 'caller-id-1',
      });
    });

    it('mints an id when the caller sends none, and the resolver sees that one', async () => {
      const { resolved, echoed } = await askCorrelationId(app);

      expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
      expect(resolved).toBe(echoed);
    });

    it('keeps concurrent requests apart', async () => {
      const ids = Array.from({ length: 20 }, (_, index) => `parallel-${index}`);

      const results = await Promise.all(ids.map((id) => askCorrelationId(app, id)));

      expect(results.map((result) => result.resolved)).toEqual(ids);
    });

    it('stamps the correlation id on a line logged inside the resolver', async () => {
      logLines.length = 0;

      await askCorrelationId(app, 'logged-id-7');

      const lines = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'resolving probe',
          correlationId: 'logged-id-7',
          service: 'probe',
        }),
      );
    });
  });
});

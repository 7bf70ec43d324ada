import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import {
  DynamicModule,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnModuleInit,
} from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { JwtVerifier } from '@app/auth';
import { GatewayConfig } from '@app/config';
import {
  CorrelationIdMiddleware,
  HealthModule,
  LoggerModule,
  MetricsModule,
  ReadinessRegistry,
} from '@app/observability';
import { gatewayContextFactory } from './auth/gateway-context';
import { GraphiqlController } from './ide/graphiql.controller';
import { operationLimitsPlugin } from './limits/operation-limits.plugin';
import { RateLimiter } from './limits/rate-limiter';
import { AuthenticatedDataSource } from './supergraph/authenticated-data-source';
import { composeWhenReady } from './supergraph/compose-supergraph';
import { SupergraphState } from './supergraph/supergraph-state';

/**
 * The federation gateway. It composes the supergraph at start from the running subgraphs
 * (retrying until each answers), verifies the caller's token, applies depth, cost and rate
 * limits, and forwards the caller's token and correlation id to every subgraph.
 */
@Module({})
export class GatewayModule implements NestModule, OnModuleInit {
  constructor(
    private readonly readiness: ReadinessRegistry,
    private readonly supergraph: SupergraphState,
  ) {}

  onModuleInit(): void {
    this.readiness.register(this.supergraph);
  }

  static forRoot(config: GatewayConfig, logger: Logger): DynamicModule {
    const verifier = JwtVerifier.create({ ...config.jwt });
    const limiter = new RateLimiter(config.limits.rateLimitPerMinute);
    const composeLog = logger.child({ component: 'supergraph' });
    const state = new SupergraphState();
    return {
      module: GatewayModule,
      imports: [
        LoggerModule.forRoot(logger),
        MetricsModule.forRoot({ service: 'gateway' }),
        HealthModule.forRoot(),
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            context: gatewayContextFactory(verifier, limiter),
            plugins: [
              operationLimitsPlugin({
                maxDepth: config.limits.maxQueryDepth,
                maxCost: config.limits.maxQueryCost,
              }),
              ApolloServerPluginLandingPageDisabled(),
            ],
            introspection: true,
            // No "did you mean" field hints in validation errors: they would describe the
            // schema to callers who have not shown a token yet.
            hideSchemaDetailsFromClientErrors: true,
          },
          gateway: {
            supergraphSdl: async () => {
              const supergraphSdl = await composeWhenReady(config.subgraphs, composeLog, {
                timeoutMs: 180_000,
              });
              state.markComposed();
              return { supergraphSdl };
            },
            buildService: ({ url }) => new AuthenticatedDataSource({ url }),
          },
        }),
      ],
      providers: [{ provide: SupergraphState, useValue: state }],
      controllers: config.graphqlIde ? [GraphiqlController] : [],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*');
  }
}

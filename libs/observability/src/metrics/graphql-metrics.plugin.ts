import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import type { GraphqlOutcome } from './platform-metrics';
import { PlatformMetrics } from './platform-metrics';

/** What the plugin needs from the metrics: one method. */
export type GraphqlRequestRecorder = Pick<PlatformMetrics, 'observeGraphqlRequest'>;

/**
 * Apollo Server plugin: times every GraphQL request (parse to response) into
 * `graphql_request_duration_seconds{operation, outcome}`. Requests without an operation
 * name are recorded as "anonymous"; any error in the response makes the outcome "error".
 */
export function createGraphqlMetricsPlugin<TContext extends BaseContext>(
  recorder: GraphqlRequestRecorder,
): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse(requestContext: GraphQLRequestContextWillSendResponse<TContext>) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          recorder.observeGraphqlRequest(
            requestContext.operationName ?? 'anonymous',
            outcomeOf(requestContext),
            seconds,
          );
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * The same plugin as a Nest provider: @nestjs/apollo discovers @Plugin() classes in any
 * module, so providing it (MetricsModule does) is enough for ApolloDriver,
 * ApolloFederationDriver and ApolloGatewayDriver alike. Do not also add it by hand.
 */
@Plugin()
@Injectable()
export class GraphqlMetricsPlugin implements ApolloServerPlugin {
  private readonly plugin: ApolloServerPlugin;

  constructor(metrics: PlatformMetrics) {
    this.plugin = createGraphqlMetricsPlugin(metrics);
  }

  requestDidStart: NonNullable<ApolloServerPlugin['requestDidStart']> = (requestContext) =>
    this.plugin.requestDidStart?.(requestContext) ?? Promise.resolve();
}

function outcomeOf<TContext extends BaseContext>(
  requestContext: GraphQLRequestContextWillSendResponse<TContext>,
): GraphqlOutcome {
  if ((requestContext.errors?.length ?? 0) > 0) {
    return 'error';
  }
  const body = requestContext.response.body;
  if (body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0) {
    return 'error';
  }
  return 'success';
}

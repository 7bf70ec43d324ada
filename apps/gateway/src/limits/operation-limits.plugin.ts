import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { isPublicOperation } from '../auth/public-operation';
import { GatewayContext } from '../auth/gateway-context';
import { queryDepth } from './query-depth';

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
}

/**
 * After parsing and validation: refuses an operation without a token unless it is the
 * public health query, then refuses operations deeper or costlier than the limits.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<GatewayContext>> {
      return {
        async didResolveOperation({ contextValue, document, operation, schema, request }) {
          if (operation === undefined) {
            return; // Apollo has already refused a document with no operation to run
          }
          if (contextValue.caller === undefined && !isPublicOperation(document, operation)) {
            throw new GraphQLError(
              'this operation needs a token: send Authorization: Bearer <token> ' +
                '(in development: npm run token -- --role head_office_admin)',
              { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
            );
          }
          const depth = queryDepth(document, operation);
          if (depth > limits.maxDepth) {
            throw new GraphQLError(
              `query depth ${depth} is over the limit of ${limits.maxDepth}: ask for less nesting, or split the query`,
              {
                extensions: {
                  code: 'QUERY_TOO_DEEP',
                  depth,
                  maxDepth: limits.maxDepth,
                  http: { status: 400 },
                },
              },
            );
          }
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `query cost ${cost} is over the limit of ${limits.maxCost}: select fewer fields or split the query`,
              {
                extensions: {
                  code: 'QUERY_TOO_COSTLY',
                  cost,
                  maxCost: limits.maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}

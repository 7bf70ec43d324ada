import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import { CORRELATION_HEADER } from '@app/observability';
import { GatewayContext } from '../auth/gateway-context';
import { subgraphErrorOf } from './subgraph-error';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/**
 * Sends each subgraph request with the caller's own token (every subgraph verifies it again
 * and scopes by it) and the request's correlation id; reports a subgraph's HTTP error with
 * the subgraph's own GraphQL error (code and message).
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // The gateway's own health checks send a context without a caller.
    const { correlationId, authorization } = context as Partial<GatewayContext>;
    if (correlationId !== undefined) {
      request.http?.headers.set(CORRELATION_HEADER, correlationId);
    }
    if (authorization !== undefined) {
      request.http?.headers.set('authorization', authorization);
    }
  }

  /** A subgraph's HTTP error: its GraphQL errors passed on, never its URL (subgraphErrorOf). */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    return subgraphErrorOf(response.status, body);
  }
}

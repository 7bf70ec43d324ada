import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { CORRELATION_HEADER } from '@app/observability';
import { GatewayContext } from '../auth/gateway-context';

/**
 * Sends each subgraph request with the caller's own token (every subgraph verifies it again
 * and scopes by it) and the request's correlation id.
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
}

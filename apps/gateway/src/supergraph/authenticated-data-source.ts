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
    if (!('correlationId' in context)) {
      return; // the gateway's own health checks carry no caller
    }
    request.http?.headers.set(CORRELATION_HEADER, context.correlationId);
    if (context.authorization !== undefined) {
      request.http?.headers.set('authorization', context.authorization);
    }
  }
}

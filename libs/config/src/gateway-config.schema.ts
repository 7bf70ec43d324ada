import { SERVICE_NAMES, SUBGRAPH_URL_VARIABLE, type ServiceName } from './app-names';
import {
  COMMON_VARIABLES,
  JWT_VARIABLES,
  commonConfigFrom,
  jwtKeySourceRule,
  type CommonConfig,
} from './common-config';
import { defineConfigSchema } from './config-schema';

export interface SubgraphEndpoint {
  readonly name: ServiceName;
  readonly url: string;
}

/** The configuration of the federation gateway. */
export interface GatewayConfig extends CommonConfig {
  readonly port: number;
  /** Every subgraph, in SERVICE_NAMES order. */
  readonly subgraphs: readonly SubgraphEndpoint[];
  readonly limits: {
    readonly maxQueryDepth: number;
    readonly maxQueryCost: number;
    readonly rateLimitPerMinute: number;
  };
  /** Serve the offline GraphQL IDE page. */
  readonly graphqlIde: boolean;
}

/**
 * The gateway's environment schema. It also reads the four service ports, because each
 * subgraph URL defaults to http://127.0.0.1:<that service's port>/graphql.
 * Use in apps/gateway/src/config.ts: `export const config = loadConfigOrExit(gatewayConfigSchema);`
 */
export const gatewayConfigSchema = defineConfigSchema({
  appName: 'gateway',
  variables: [
    ...COMMON_VARIABLES,
    ...JWT_VARIABLES,
    'GATEWAY_PORT',
    'ROSTER_PORT',
    'BOOKING_PORT',
    'CLIENT_RECORD_PORT',
    'NOTIFICATION_PORT',
    'ROSTER_URL',
    'BOOKING_URL',
    'CLIENT_RECORD_URL',
    'NOTIFICATION_URL',
    'GATEWAY_MAX_QUERY_DEPTH',
    'GATEWAY_MAX_QUERY_COST',
    'GATEWAY_RATE_LIMIT_PER_MINUTE',
    'GRAPHQL_IDE',
  ],
  rules: [jwtKeySourceRule],
  build: (values): GatewayConfig => ({
    ...commonConfigFrom(values),
    port: values.GATEWAY_PORT,
    subgraphs: SERVICE_NAMES.map((name) => ({ name, url: values[SUBGRAPH_URL_VARIABLE[name]] })),
    limits: {
      maxQueryDepth: values.GATEWAY_MAX_QUERY_DEPTH,
      maxQueryCost: values.GATEWAY_MAX_QUERY_COST,
      rateLimitPerMinute: values.GATEWAY_RATE_LIMIT_PER_MINUTE,
    },
    graphqlIde: values.GRAPHQL_IDE,
  }),
});

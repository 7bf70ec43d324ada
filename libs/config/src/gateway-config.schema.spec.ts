import { gatewayConfigSchema } from './gateway-config.schema';
import { loadConfig } from './load-config';

const keyEnv = { JWT_PUBLIC_KEY_FILE: '/keys/jwt-public.pem' };

describe('gatewayConfigSchema', () => {
  it('points every subgraph at 127.0.0.1 on its default port by default', () => {
    const config = loadConfig(gatewayConfigSchema, keyEnv);

    expect(config.port).toBe(4000);
    expect(config.subgraphs).toEqual([
      { name: 'therapist-roster', url: 'http://127.0.0.1:4001/graphql' },
      { name: 'booking', url: 'http://127.0.0.1:4002/graphql' },
      { name: 'client-record', url: 'http://127.0.0.1:4003/graphql' },
      { name: 'notification', url: 'http://127.0.0.1:4004/graphql' },
    ]);
  });

  it('follows a changed service port in the default subgraph URL', () => {
    const config = loadConfig(gatewayConfigSchema, { ...keyEnv, BOOKING_PORT: '5002' });

    expect(config.subgraphs[1]).toEqual({ name: 'booking', url: 'http://127.0.0.1:5002/graphql' });
  });

  it('prefers an explicit subgraph URL', () => {
    const config = loadConfig(gatewayConfigSchema, {
      ...keyEnv,
      NOTIFICATION_URL: 'http://notification:4004/graphql',
    });

    expect(config.subgraphs[3]?.url).toBe('http://notification:4004/graphql');
  });

  it('applies the query limits and their defaults', () => {
    const config = loadConfig(gatewayConfigSchema, { ...keyEnv, GATEWAY_MAX_QUERY_DEPTH: '7' });

    expect(config.limits).toEqual({
      maxQueryDepth: 7,
      maxQueryCost: 1000,
      rateLimitPerMinute: 600,
    });
  });

  it('serves the GraphQL IDE in development only, unless told otherwise', () => {
    const development = loadConfig(gatewayConfigSchema, keyEnv);
    const production = loadConfig(gatewayConfigSchema, { ...keyEnv, NODE_ENV: 'production' });
    const forced = loadConfig(gatewayConfigSchema, {
      ...keyEnv,
      NODE_ENV: 'production',
      GRAPHQL_IDE: 'on',
    });

    expect([development.graphqlIde, production.graphqlIde, forced.graphqlIde]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('rejects a subgraph URL that is not http(s)', () => {
    expect(() => loadConfig(gatewayConfigSchema, { ...keyEnv, ROSTER_URL: 'roster:4001' })).toThrow(
      'ROSTER_URL: expected an http:// or https:// URL, got "roster:4001"',
    );
  });
});

import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createGraphqlMetricsPlugin, type GraphqlRequestRecorder } from './graphql-metrics.plugin';
import type { GraphqlOutcome } from './platform-metrics';

interface Observation {
  readonly operation: string;
  readonly outcome: GraphqlOutcome;
  readonly seconds: number;
}

class RecordingRecorder implements GraphqlRequestRecorder {
  readonly observations: Observation[] = [];

  observeGraphqlRequest(operation: string, outcome: GraphqlOutcome, seconds: number): void {
    this.observations.push({ operation, outcome, seconds });
  }
}

async function serverWith(recorder: RecordingRecorder): Promise<ApolloServer> {
  const server = new ApolloServer({
    typeDefs: 'type Query { clinic: String, broken: String }',
    resolvers: {
      Query: {
        clinic: () => 'Leeds',
        broken: () => {
          throw new GraphQLError('clinic not found', { extensions: { code: 'CLINIC_NOT_FOUND' } });
        },
      },
    },
    plugins: [createGraphqlMetricsPlugin(recorder)],
  });
  await server.start();
  return server;
}

describe(createGraphqlMetricsPlugin.name, () => {
  let recorder: RecordingRecorder;
  let server: ApolloServer;

  beforeEach(async () => {
    recorder = new RecordingRecorder();
    server = await serverWith(recorder);
  });

  afterEach(async () => {
    await server.stop();
  });

  it('times a successful operation under its name', async () => {
    await server.executeOperation({ query: 'query ClinicName { clinic }' });

    expect(recorder.observations).toEqual([
      { operation: 'ClinicName', outcome: 'success', seconds: expect.any(Number) },
    ]);
    expect(recorder.observations[0]?.seconds).toBeGreaterThan(0);
  });

  it('records an operation whose resolver fails as an error', async () => {
    await server.executeOperation({ query: 'query Broken { broken }' });

    expect(recorder.observations).toEqual([
      { operation: 'Broken', outcome: 'error', seconds: expect.any(Number) },
    ]);
  });

  it('records an unnamed, invalid request as an anonymous error', async () => {
    await server.executeOperation({ query: '{ nope }' });

    expect(recorder.observations).toEqual([
      { operation: 'anonymous', outcome: 'error', seconds: expect.any(Number) },
    ]);
  });
});

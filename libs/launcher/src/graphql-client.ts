/** A GraphQL error answer; `code` is the first error's `extensions.code`. */
export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** A minimal GraphQL-over-HTTP call, for seeding and smoke checks. */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new GraphqlRequestError(
      body.errors.map((error) => error.message).join('; '),
      body.errors[0]?.extensions?.code,
    );
  }
  if (body.data === undefined || body.data === null) {
    throw new Error(`no data in the GraphQL response (HTTP ${response.status})`);
  }
  return body.data;
}

export type GraphqlCall = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** graphqlRequest bound to one URL and one bearer token. */
export function graphqlCaller(url: string, token: string): GraphqlCall {
  return <T>(query: string, variables: Record<string, unknown> = {}) =>
    graphqlRequest<T>(url, query, variables, { authorization: `Bearer ${token}` });
}

/**
 * Runs `action` again, every `pauseMs`, while it fails with a GraphQL error whose code is one
 * of `codes` (e.g. an event the service has not consumed yet), until `deadline` (epoch ms).
 * Then the last error is thrown, or what `giveUp` makes of it.
 */
export async function retryWhile<T>(
  codes: readonly string[],
  action: () => Promise<T>,
  options: {
    readonly deadline: number;
    readonly pauseMs: number;
    readonly giveUp?: (last: GraphqlRequestError) => Error;
  },
): Promise<T> {
  for (;;) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof GraphqlRequestError) || !codes.includes(error.code ?? '')) {
        throw error;
      }
      if (Date.now() > options.deadline) {
        throw options.giveUp?.(error) ?? error;
      }
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  }
}

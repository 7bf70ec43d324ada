import { GraphQLError } from 'graphql';

/**
 * The error the gateway reports when a subgraph answers with an HTTP error status. A
 * GraphQL error body (e.g. Apollo's 400 for a variable that does not parse, BAD_USER_INPUT)
 * is passed on as the subgraph said it: its message and code, so clients see a stable code
 * and what to do next. Otherwise a plain error that names the status. Never the subgraph's
 * internal URL or raw body (Apollo's default puts both in extensions.response).
 */
export function subgraphErrorOf(status: number, body: unknown): GraphQLError {
  const errors = graphqlErrorsIn(body);
  if (errors.length > 0) {
    const [first] = errors;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return new GraphQLError(`${first.message}${more}`, {
      extensions: { ...first.extensions, code: first.extensions?.code ?? codeOf(status) },
    });
  }
  return new GraphQLError(
    `a service answered HTTP ${status}; try again, and tell support if it keeps happening`,
    { extensions: { code: codeOf(status) } },
  );
}

interface SubgraphError {
  readonly message: string;
  readonly extensions?: Record<string, unknown> & { code?: unknown };
}

function graphqlErrorsIn(body: unknown): SubgraphError[] {
  if (typeof body !== 'object' || body === null || !('errors' in body)) {
    return [];
  }
  const { errors } = body;
  if (!Array.isArray(errors)) {
    return [];
  }
  return errors.filter(
    (error): error is SubgraphError =>
      typeof error === 'object' &&
      error !== null &&
      typeof (error as { message?: unknown }).message === 'string',
  );
}

function codeOf(status: number): string {
  if (status === 401) {
    return 'UNAUTHENTICATED';
  }
  if (status === 403) {
    return 'FORBIDDEN';
  }
  if (status >= 400 && status < 500) {
    return 'BAD_REQUEST';
  }
  return 'SERVICE_UNAVAILABLE';
}

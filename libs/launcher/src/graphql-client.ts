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
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new Error(body.errors.map((error) => error.message).join('; '));
  }
  if (body.data === undefined) {
    throw new Error(`no data in the GraphQL response (HTTP ${response.status})`);
  }
  return body.data;
}

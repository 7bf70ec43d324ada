import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSource {
  readonly name: string;
  readonly url: string;
}

export interface ComposeLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

const SDL_QUERY = 'query SubgraphSdl { _service { sdl } }';

/** Asks one subgraph for its SDL; undefined when it does not answer (yet). */
export async function fetchSubgraphSdl(
  url: string,
  timeoutMs = 3_000,
): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: SDL_QUERY }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      return undefined;
    }
    const body = (await response.json()) as { data?: { _service?: { sdl?: unknown } } };
    const sdl = body.data?._service?.sdl;
    return typeof sdl === 'string' ? sdl : undefined;
  } catch {
    return undefined;
  }
}

/** Composes subgraph SDLs into a supergraph, or throws with every composition error. */
export function composeSupergraph(
  subgraphs: readonly { name: string; url: string; sdl: string }[],
): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(subgraph.sdl),
    })),
  );
  if (result.errors !== undefined || result.supergraphSdl === undefined) {
    const messages = (result.errors ?? []).map((error) => `  - ${error.message}`).join('\n');
    throw new Error(`the subgraph schemas do not compose into one supergraph:\n${messages}`);
  }
  return result.supergraphSdl;
}

/**
 * Waits until every subgraph answers with its SDL, then composes. Subgraphs may start in
 * any order and take a while (migrations, Kafka); we retry rather than fail the gateway.
 */
export async function composeWhenReady(
  subgraphs: readonly SubgraphSource[],
  log: ComposeLog,
  options: { timeoutMs: number; intervalMs?: number } = { timeoutMs: 120_000 },
): Promise<string> {
  const deadline = Date.now() + options.timeoutMs;
  const sdls = new Map<string, string>();
  let lastReport = 0;
  for (;;) {
    await Promise.all(
      subgraphs
        .filter((subgraph) => !sdls.has(subgraph.name))
        .map(async (subgraph) => {
          const sdl = await fetchSubgraphSdl(subgraph.url);
          if (sdl !== undefined) {
            sdls.set(subgraph.name, sdl);
          }
        }),
    );
    const waiting = subgraphs.filter((subgraph) => !sdls.has(subgraph.name));
    if (waiting.length === 0) {
      const supergraph = composeSupergraph(
        subgraphs.map((subgraph) => ({ ...subgraph, sdl: sdls.get(subgraph.name) ?? '' })),
      );
      log.info({ subgraphs: subgraphs.map((s) => s.name) }, 'supergraph composed');
      return supergraph;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `subgraphs did not answer within ${options.timeoutMs} ms: ` +
          waiting.map((s) => `${s.name} at ${s.url}`).join(', ') +
          '. Start them (npm start starts everything), or fix their *_URL variables.',
      );
    }
    if (Date.now() - lastReport > 5_000) {
      lastReport = Date.now();
      log.info({ waitingFor: waiting.map((s) => s.name) }, 'waiting for subgraphs to answer');
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
}

/** Polls an HTTP readiness endpoint until it answers 200, reporting what it waits for. */
export async function waitUntilReady(
  url: string,
  options: {
    timeoutMs: number;
    onWait?: (elapsedMs: number) => void;
    abort?: () => string | undefined;
  },
): Promise<void> {
  const started = Date.now();
  let lastReport = started;
  for (;;) {
    const aborted = options.abort?.();
    if (aborted !== undefined) {
      throw new Error(aborted);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    const elapsed = Date.now() - started;
    if (elapsed > options.timeoutMs) {
      throw new Error(`${url} was not ready after ${Math.round(elapsed / 1000)} s`);
    }
    if (Date.now() - lastReport > 5_000) {
      lastReport = Date.now();
      options.onWait?.(elapsed);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

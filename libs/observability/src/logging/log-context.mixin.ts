import { currentContext } from '../request-context';

/** Fields every log line takes from the request context (empty outside any unit of work). */
export interface LogContextFields {
  correlationId?: string;
  causationId?: string;
}

/** pino `mixin`: stamps the current correlation (and causation) id onto each line. */
export function logContextMixin(): LogContextFields {
  const context = currentContext();
  if (context === undefined) {
    return {};
  }
  return context.causationId === undefined
    ? { correlationId: context.correlationId }
    : { correlationId: context.correlationId, causationId: context.causationId };
}

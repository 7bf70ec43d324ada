import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What travels with one unit of work (a GraphQL request or a consumed event): the
 * correlation id that ties a whole chain together, the id of the event that caused this
 * work (if any), and who is acting. Logger lines and outbox rows read it from here.
 */
export interface RequestContext {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly actor?: ContextActor;
}

export interface ContextActor {
  readonly type: 'user' | 'integrator' | 'system';
  readonly id: string;
  readonly role?: string;
}

export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Accepts a caller-supplied id only when it is a sane token; otherwise mints a new one. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value !== undefined && /^[A-Za-z0-9._:-]{1,128}$/.test(value)) {
    return value;
  }
  return randomUUID();
}

/**
 * Records who is acting, once the caller's token has been verified (the auth guard runs
 * inside the request's context, after the correlation middleware started it). Events the
 * request writes to the outbox then name this actor.
 */
export function setCurrentActor(actor: ContextActor): void {
  const store = storage.getStore() as { actor?: ContextActor } | undefined;
  if (store !== undefined) {
    store.actor = actor;
  }
}

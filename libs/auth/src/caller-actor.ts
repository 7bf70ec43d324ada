import type { ContextActor } from '@app/observability/request-context';
import type { Caller } from './caller';

/** The `actor` recorded on request contexts, log lines and event envelopes for a caller. */
export function actorFromCaller(caller: Caller): ContextActor {
  return {
    type: caller.role === 'integrator' ? 'integrator' : 'user',
    id: caller.subject,
    role: caller.role,
  };
}

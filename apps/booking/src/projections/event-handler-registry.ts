import type { EventDefinition } from '@app/contracts';
import type { EventHandler, SqlRunner } from '@app/messaging';

/**
 * Where a projection consumer registers its handlers: the live, idempotent EventConsumer
 * (EVENT_CONSUMER of the platform) or, for a rebuild, the EventReplayer. Both hand every
 * event to the same service methods.
 */
export interface EventHandlerRegistry<Tx extends SqlRunner> {
  on<D extends EventDefinition>(definition: D, handle: EventHandler<D, Tx>): unknown;
}

import { EventDefinition, eventKey } from './event-definition';
import { ClinicOpenedV1 } from './events/roster.events';

/** A lookup of event definitions by type and version. */
export class EventCatalogue {
  private readonly byKey = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      const key = eventKey(definition);
      if (this.byKey.has(key)) {
        throw new Error(
          `event ${key} is declared twice; each event type and version is declared once`,
        );
      }
      this.byKey.set(key, definition);
    }
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.byKey.get(eventKey({ type, version }));
  }

  all(): EventDefinition[] {
    return [...this.byKey.values()];
  }
}

/** Every event type the platform publishes. Add new definitions here. */
export const PLATFORM_EVENTS: readonly EventDefinition[] = [ClinicOpenedV1];

export const platformCatalogue = new EventCatalogue(PLATFORM_EVENTS);

import { z } from 'zod';
import { TopicName } from './topics';

/**
 * Declared once per event type and version, used by producers (typed publish, validated
 * before the outbox row is written) and consumers (validated before the handler runs).
 */
export interface EventDefinition<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly version: number;
  /** Platform events use a TopicName (see defineEvent); tests may use their own topics. */
  readonly topic: string;
  readonly description: string;
  /** Public events reach integrators: ids and statuses only, never health data. */
  readonly visibility: 'public' | 'internal';
  readonly schema: z.ZodType<TData>;
}

export type EventData<D> = D extends EventDefinition<string, infer T> ? T : never;

export function defineEvent<TType extends string, TSchema extends z.ZodType>(definition: {
  type: TType;
  version: number;
  topic: TopicName;
  description: string;
  visibility: 'public' | 'internal';
  schema: TSchema;
}): EventDefinition<TType, z.infer<TSchema>> {
  // A schema's output type is its data type; TypeScript cannot see that through the generic.
  return Object.freeze({ ...definition }) as EventDefinition<TType, z.infer<TSchema>>;
}

export function eventKey(definition: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${definition.type}@v${definition.version}`;
}

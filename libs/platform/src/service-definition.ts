import type { EntitySchema, MixedList } from 'typeorm';
import type { ServiceName } from '@app/config';

/** What a service tells the platform about itself; everything else is shared wiring. */
export interface ServiceDefinition {
  readonly name: ServiceName;
  // TypeORM's own option types: entity and migration classes, listed explicitly.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
  /**
   * GraphQL types reachable only through federation (e.g. the service's part of an entity
   * another service owns, resolved by reference); code-first schema generation would
   * otherwise leave them out.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly orphanedTypes?: Function[];
}

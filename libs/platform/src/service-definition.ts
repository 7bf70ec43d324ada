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
  /**
   * A database role the running service assumes for every connection of its pool
   * (`SET ROLE` at connect), e.g. one that may insert audit rows but not change them. The
   * service's migrations create the role and its grants; migrations and the outbox relay
   * keep the login's own rights. Unset: the login's rights.
   */
  readonly databaseRole?: string;
}

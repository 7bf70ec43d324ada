/** How the GraphQL edge presents a domain error; every context maps its codes to one. */
export type ErrorKind = 'bad_input' | 'not_found' | 'conflict' | 'forbidden';

/**
 * Base of every context's error class. `code` is stable (clients switch on it); the message
 * tells the caller what to fix.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

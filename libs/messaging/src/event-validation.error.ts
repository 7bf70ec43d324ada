import { z } from 'zod';

/** An event's data does not match its declared schema. */
export class EventValidationError extends Error {
  readonly code = 'EVENT_SCHEMA_VIOLATION';

  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly issues: z.ZodError,
  ) {
    super(`${eventType} v${version} does not match its schema: ${z.prettifyError(issues)}`);
    this.name = 'EventValidationError';
  }
}

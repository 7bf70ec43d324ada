import type { z } from 'zod';

/**
 * How one environment variable is read: a zod schema that turns the raw (trimmed,
 * non-empty) string into a typed value, plus the words an error message needs.
 */
export interface EnvField<T> {
  /** Parses the raw string. Custom issue messages are shown to the operator as a detail. */
  readonly schema: z.ZodType<T, string>;
  /** What a valid value looks like, e.g. "an integer port 1-65535". */
  readonly expected: string;
  /** A valid value to copy, e.g. "127.0.0.1:9092". */
  readonly example: string;
  /** Secret values are never echoed back in errors. */
  readonly secret: boolean;
}

/** The typed value an {@link EnvField} produces. */
export type EnvFieldValue<F> = F extends EnvField<infer T> ? T : never;

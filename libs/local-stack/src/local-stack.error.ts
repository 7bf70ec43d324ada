/**
 * A failure of the local infrastructure. The message always says what to do next
 * (install something, free a port, set KAFKA_BROKERS / DATABASE_URL, ...).
 */
export class LocalStackError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalStackError';
  }
}

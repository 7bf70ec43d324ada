/**
 * One thing an app needs before it can serve traffic (its database, Kafka, ...).
 * `check` resolves when healthy and rejects with an error that says what is wrong.
 */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

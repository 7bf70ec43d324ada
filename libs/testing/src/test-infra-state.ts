/**
 * What the global setup started, handed to the global teardown. Both run in Jest's main
 * process but are loaded as separate modules, so the hand-over goes through globalThis.
 */
export interface TestInfraHandle {
  readonly description: string;
  stop(): Promise<void>;
}

const KEY = Symbol.for('stretch-clinic.test-infra');

type Holder = { [KEY]?: TestInfraHandle };

export function rememberTestInfra(handle: TestInfraHandle): void {
  (globalThis as Holder)[KEY] = handle;
}

export function takeTestInfra(): TestInfraHandle | undefined {
  const holder = globalThis as Holder;
  const handle = holder[KEY];
  delete holder[KEY];
  return handle;
}

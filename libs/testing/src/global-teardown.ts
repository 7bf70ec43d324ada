import { takeTestInfra } from './test-infra-state';

/** Stops what the global setup started (nothing when only unit tests ran). */
export default async function globalTeardown(
  _globalConfig: unknown,
  _projectConfig: unknown,
): Promise<void> {
  const infra = takeTestInfra();
  if (infra) {
    await infra.stop();
  }
}

import { ownerPidOf, testInstanceName } from './stale-test-data';

describe(ownerPidOf.name, () => {
  it('reads the owning pid of shared and dedicated test folders', () => {
    expect(ownerPidOf(testInstanceName(4242))).toBe(4242);
    expect(ownerPidOf('test-dedicated-4242-3')).toBe(4242);
    expect(ownerPidOf('test-dedicated-4242-postgres')).toBe(4242);
  });

  it('ignores folders that are not test folders, such as the development instance', () => {
    expect(ownerPidOf('dev')).toBeUndefined();
    expect(ownerPidOf('test-abc')).toBeUndefined();
  });
});

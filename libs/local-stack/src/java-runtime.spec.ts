import { parseJavaMajorVersion } from './java-runtime';

describe(parseJavaMajorVersion.name, () => {
  it('reads the major version of a modern JDK', () => {
    expect(
      parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'),
    ).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
  });

  it('reads Java 8 from its 1.x version string', () => {
    expect(parseJavaMajorVersion('java version "1.8.0_392"')).toBe(8);
  });

  it('returns undefined for output without a version', () => {
    expect(parseJavaMajorVersion('bash: java: command not found')).toBeUndefined();
  });
});

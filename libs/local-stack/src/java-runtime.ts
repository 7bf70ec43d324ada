import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LocalStackError } from './local-stack.error';

export const NO_JAVA_ADVICE = 'install Java 17+, or set KAFKA_BROKERS, or use docker compose';

export interface JavaRuntime {
  readonly command: string;
  readonly major: number;
}

/** The major version in `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8. */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) {
    return undefined;
  }
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** The `java` to run Kafka with ($JAVA_HOME/bin/java, else the PATH's), checked to be 17+. */
export function findJava(env: NodeJS.ProcessEnv = process.env): JavaRuntime {
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = spawnSync(command, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error) {
    throw new LocalStackError(
      `Kafka needs Java 17+, but "${command}" could not be run (${result.error.message}): ${NO_JAVA_ADVICE}.`,
    );
  }
  const major = parseJavaMajorVersion(`${result.stderr}\n${result.stdout}`);
  if (major === undefined || major < 17) {
    const found = major === undefined ? 'an unknown version' : `Java ${major}`;
    throw new LocalStackError(
      `Kafka needs Java 17+, but "${command}" is ${found}: ${NO_JAVA_ADVICE} (or point JAVA_HOME at a Java 17+).`,
    );
  }
  return { command, major };
}

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LocalStackError } from './local-stack.error';
import { LogSink } from './log-sink';

/** Written into the lib folder after a complete copy; holds the hash of the pom it came from. */
const MARKER = '.complete';
const PROGRESS_EVERY_MS = 2_000;

export interface KafkaJars {
  readonly libDir: string;
  readonly kafkaVersion: string;
  /** True when Maven ran (first start, or the pom changed). */
  readonly downloaded: boolean;
}

export interface KafkaJarsOptions {
  readonly rootDir: string;
  readonly log: LogSink;
  readonly env?: NodeJS.ProcessEnv;
}

export function kafkaPomPath(rootDir: string): string {
  return join(rootDir, 'infra', 'kafka', 'pom.xml');
}

export function kafkaLibDir(rootDir: string): string {
  return join(rootDir, 'infra', '.cache', 'kafka', 'lib');
}

/** The `<kafka.version>` the pom pins. */
export function kafkaVersionOf(pom: string): string {
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown';
}

function pomHash(pom: string): string {
  return createHash('sha256').update(pom).digest('hex');
}

/** True when the lib folder holds a complete copy made from this very pom. */
export function kafkaJarsCached(rootDir: string): boolean {
  const pomFile = kafkaPomPath(rootDir);
  const marker = join(kafkaLibDir(rootDir), MARKER);
  if (!existsSync(pomFile) || !existsSync(marker)) {
    return false;
  }
  return readFileSync(marker, 'utf8').trim() === pomHash(readFileSync(pomFile, 'utf8'));
}

/**
 * The Kafka broker's classpath folder. Served from infra/.cache/kafka/lib without touching
 * the network when a complete copy is there; otherwise Maven resolves infra/kafka/pom.xml
 * from Maven Central into a temporary folder that is renamed into place when complete.
 * Set KAFKA_MAVEN_REPO_LOCAL to use a Maven repository other than ~/.m2/repository.
 */
export async function ensureKafkaJars(options: KafkaJarsOptions): Promise<KafkaJars> {
  const { rootDir, log } = options;
  const env = options.env ?? process.env;
  const pomFile = kafkaPomPath(rootDir);
  if (!existsSync(pomFile)) {
    throw new LocalStackError(
      `${pomFile} is missing: restore it from git (it lists the Kafka jars to download).`,
    );
  }
  const pom = await readFile(pomFile, 'utf8');
  const kafkaVersion = kafkaVersionOf(pom);
  const libDir = kafkaLibDir(rootDir);
  if (kafkaJarsCached(rootDir)) {
    return { libDir, kafkaVersion, downloaded: false };
  }

  const mvn = env.MAVEN_CMD ?? 'mvn';
  const probe = spawnSync(mvn, ['-v'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error || probe.status !== 0) {
    throw new LocalStackError(
      `Kafka ${kafkaVersion} is not cached in ${libDir} and Maven ("${mvn}") could not be run to download it ` +
        `(${probe.error?.message ?? probe.stderr.trim()}): install Maven (needed once, to download the jars) and ` +
        `Java 17+, or set KAFKA_BROKERS, or use docker compose.`,
    );
  }

  const tmpDir = `${libDir}.tmp-${process.pid}`;
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  log(
    `[kafka] downloading Apache Kafka ${kafkaVersion} jars from Maven Central into ${libDir} (first run only)…`,
  );
  const args = ['-B', '-f', pomFile, 'dependency:copy-dependencies', `-Dkafka.lib.dir=${tmpDir}`];
  if (env.KAFKA_MAVEN_REPO_LOCAL) {
    args.push(`-Dmaven.repo.local=${env.KAFKA_MAVEN_REPO_LOCAL}`);
  }
  const started = Date.now();
  const { code, lastLines } = await runMaven(mvn, args, log);
  if (code !== 0) {
    await rm(tmpDir, { recursive: true, force: true });
    throw new LocalStackError(
      `Maven could not download Kafka ${kafkaVersion} (exit code ${String(code)}). Check that Maven Central ` +
        `(https://repo.maven.apache.org) is reachable, or set KAFKA_BROKERS, or use docker compose. ` +
        `Maven's last lines:\n${lastLines.join('\n')}`,
    );
  }
  const jars = readdirSync(tmpDir).filter((file) => file.endsWith('.jar'));
  if (!jars.some((file) => file.startsWith('kafka_2.13-'))) {
    await rm(tmpDir, { recursive: true, force: true });
    throw new LocalStackError(
      `Maven finished but ${tmpDir} holds no kafka_2.13 jar; check ${pomFile}.`,
    );
  }
  await writeFile(join(tmpDir, MARKER), `${pomHash(pom)}\n`);
  if (kafkaJarsCached(rootDir)) {
    // Another process (a parallel start) finished first: keep its copy.
    await rm(tmpDir, { recursive: true, force: true });
    return { libDir, kafkaVersion, downloaded: true };
  }
  await rm(libDir, { recursive: true, force: true });
  try {
    await rename(tmpDir, libDir);
  } catch (error: unknown) {
    await rm(tmpDir, { recursive: true, force: true });
    if (!kafkaJarsCached(rootDir)) {
      throw error;
    }
  }
  log(
    `[kafka] ${jars.length} jars cached in ${libDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return { libDir, kafkaVersion, downloaded: true };
}

function runMaven(
  mvn: string,
  args: readonly string[],
  log: LogSink,
): Promise<{ readonly code: number | null; readonly lastLines: readonly string[] }> {
  return new Promise((resolve) => {
    const child = spawn(mvn, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lastLines: string[] = [];
    let downloaded = 0;
    let lastFile = '';
    let lastReport = Date.now();
    const onLine = (line: string): void => {
      lastLines.push(line);
      if (lastLines.length > 40) {
        lastLines.shift();
      }
      const match = /^(?:\[INFO\] )?Downloaded from \S+: \S+\/([^/\s]+) \(([^)]*)\)/.exec(line);
      if (match) {
        downloaded += 1;
        lastFile = `${match[1]} ${match[2]}`;
        if (Date.now() - lastReport >= PROGRESS_EVERY_MS) {
          lastReport = Date.now();
          log(`[kafka]   maven: ${downloaded} files downloaded (latest: ${lastFile})`);
        }
      } else if (/^\[ERROR]/.test(line)) {
        log(`[kafka]   maven: ${line}`);
      }
    };
    if (child.stdout) {
      createInterface({ input: child.stdout }).on('line', onLine);
    }
    if (child.stderr) {
      createInterface({ input: child.stderr }).on('line', onLine);
    }
    child.once('error', (error) => {
      lastLines.push(error.message);
      resolve({ code: null, lastLines });
    });
    child.once('close', (code) => {
      if (downloaded > 0) {
        log(`[kafka]   maven: ${downloaded} files downloaded in total`);
      }
      resolve({ code, lastLines });
    });
  });
}

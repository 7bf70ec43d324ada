import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import { findJava, JavaRuntime } from './java-runtime';
import { ensureKafkaJars } from './kafka-jars';
import { waitForKafkaMetadata } from './kafka-metadata-probe';
import { LocalStackError } from './local-stack.error';
import { LogSink, stderrLogSink } from './log-sink';
import { ManagedProcess, readLogTail } from './managed-process';
import { findRepoRoot } from './repo-root';

export interface KafkaServerOptions {
  /** Repository root (holds infra/kafka/pom.xml). Default: found from this file. */
  readonly rootDir?: string;
  /** Instance name: the data goes to `<rootDir>/.local/kafka/<name>`. Default `dev`. */
  readonly name?: string;
  /** Overrides the data folder. It is wiped on the first start of this object. */
  readonly dataDir?: string;
  /** Client port; default a free port chosen at the first start and kept for restarts. */
  readonly port?: number;
  readonly controllerPort?: number;
  /** JVM max heap, e.g. `512m`. */
  readonly heap?: string;
  readonly startTimeoutMs?: number;
  readonly stopGraceMs?: number;
  readonly log?: LogSink;
  readonly env?: NodeJS.ProcessEnv;
  /** Do not keep Node alive while the broker runs (brokers owned by tests). Default false. */
  readonly unref?: boolean;
}

interface Prepared {
  readonly java: JavaRuntime;
  readonly libDir: string;
  readonly kafkaVersion: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly propertiesFile: string;
  readonly log4jFile: string;
}

const HOST = '127.0.0.1';

/** A random KRaft cluster id: a base64url UUID that does not start with '-'. */
export function randomClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) {
      return id;
    }
  }
}

/** server.properties of a single combined broker+controller node on loopback ports. */
export function kafkaServerProperties(input: {
  readonly port: number;
  readonly controllerPort: number;
  readonly logDir: string;
}): string {
  const lines: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@${HOST}:${input.controllerPort}`,
    listeners: `PLAINTEXT://${HOST}:${input.port},CONTROLLER://${HOST}:${input.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${HOST}:${input.port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': input.logDir,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 10,
    'group.initial.rebalance.delay.ms': 0,
    'auto.create.topics.enable': false,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'log.retention.hours': 24,
  };
  return `${Object.entries(lines)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join('\n')}\n`;
}

const LOG4J_PROPERTIES = `log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
`;

/**
 * One Apache Kafka node (KRaft, broker+controller) from the official jars, on free
 * loopback ports. `stop()` then `start()` on the same object restarts it on the same
 * ports with the same data, so events written before the stop are still there.
 */
export class KafkaServer {
  private readonly rootDir: string;
  private readonly dataDir: string;
  private readonly log: LogSink;
  private prepared: Prepared | undefined;
  private process: ManagedProcess | undefined;

  constructor(private readonly options: KafkaServerOptions = {}) {
    this.rootDir = options.rootDir ?? findRepoRoot();
    this.dataDir = options.dataDir ?? join(this.rootDir, '.local', 'kafka', options.name ?? 'dev');
    this.log = options.log ?? stderrLogSink;
  }

  /** `host:port` bootstrap addresses (after the first start). */
  get brokers(): string[] {
    return this.prepared ? [`${HOST}:${this.prepared.port}`] : [];
  }

  get port(): number | undefined {
    return this.prepared?.port;
  }

  get kafkaVersion(): string | undefined {
    return this.prepared?.kafkaVersion;
  }

  get isRunning(): boolean {
    return this.process?.isRunning ?? false;
  }

  get pid(): number | undefined {
    return this.process?.isRunning ? this.process.pid : undefined;
  }

  get logFile(): string {
    return join(this.dataDir, 'kafka.log');
  }

  get dataDirectory(): string {
    return this.dataDir;
  }

  /** Starts the broker and resolves once it answers a Metadata request with itself. */
  async start(): Promise<void> {
    if (this.isRunning) {
      return;
    }
    const started = Date.now();
    const prepared = this.prepared ?? (await this.prepareFirstStart());
    this.prepared = prepared;
    const heap = this.options.heap ?? '512m';
    this.process = ManagedProcess.start({
      name: 'kafka',
      command: prepared.java.command,
      args: [
        `-Xmx${heap}`,
        '-Xms128m',
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-XX:+ExplicitGCInvokesConcurrent',
        '-Djava.awt.headless=true',
        `-Dlog4j.configuration=file:${prepared.log4jFile}`,
        '-cp',
        join(prepared.libDir, '*'),
        'kafka.Kafka',
        prepared.propertiesFile,
      ],
      cwd: this.dataDir,
      env: this.options.env ?? process.env,
      logFile: this.logFile,
      stopSignal: 'SIGTERM',
      stopGraceMs: this.options.stopGraceMs ?? 15_000,
      unref: this.options.unref,
    });
    try {
      await this.waitUntilReady(prepared.port);
    } catch (error: unknown) {
      this.process.killNow();
      await this.process.exited;
      throw error;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    this.log(
      `[kafka] Apache Kafka ${prepared.kafkaVersion} ready at ${this.brokers.join(',')} (${seconds} s, pid ${String(this.pid)})`,
    );
  }

  /** Clean stop (SIGTERM, SIGKILL after the grace period). Keeps ports and data for `start()`. */
  async stop(): Promise<void> {
    const running = this.process;
    if (!running?.isRunning) {
      return;
    }
    const { forced } = await running.stop();
    this.log(forced ? '[kafka] did not stop in time: killed' : '[kafka] stopped');
  }

  /** Synchronous SIGKILL of the server's process group (second Ctrl-C, exit handlers). */
  kill(): void {
    this.process?.killNow();
  }

  /** Stops the broker and deletes its data folder. */
  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
    this.prepared = undefined;
  }

  private async prepareFirstStart(): Promise<Prepared> {
    const java = findJava(this.options.env);
    const { libDir, kafkaVersion } = await ensureKafkaJars({
      rootDir: this.rootDir,
      log: this.log,
      env: this.options.env,
    });
    await rm(this.dataDir, { recursive: true, force: true });
    await mkdir(this.dataDir, { recursive: true });
    const port = this.options.port ?? (await findFreePort());
    const controllerPort = this.options.controllerPort ?? (await findFreePort([port]));
    const propertiesFile = join(this.dataDir, 'server.properties');
    const log4jFile = join(this.dataDir, 'log4j.properties');
    await writeFile(
      propertiesFile,
      kafkaServerProperties({ port, controllerPort, logDir: join(this.dataDir, 'logs') }),
    );
    await writeFile(log4jFile, LOG4J_PROPERTIES);
    this.log(`[kafka] formatting KRaft storage in ${this.dataDir}`);
    await this.formatStorage(java, libDir, propertiesFile, log4jFile);
    return { java, libDir, kafkaVersion, port, controllerPort, propertiesFile, log4jFile };
  }

  private formatStorage(
    java: JavaRuntime,
    libDir: string,
    propertiesFile: string,
    log4jFile: string,
  ): Promise<void> {
    const args = [
      '-Xmx256m',
      '-XX:TieredStopAtLevel=1',
      `-Dlog4j.configuration=file:${log4jFile}`,
      '-cp',
      join(libDir, '*'),
      'kafka.tools.StorageTool',
      'format',
      '-t',
      randomClusterId(),
      '-c',
      propertiesFile,
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(java.command, args, {
        cwd: this.dataDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.once('error', (error) =>
        reject(
          new LocalStackError(`Could not run the Kafka storage tool: ${error.message}`, {
            cause: error,
          }),
        ),
      );
      child.once('close', (code) => {
        if (code === 0 && existsSync(join(this.dataDir, 'logs', 'meta.properties'))) {
          resolve();
        } else {
          reject(
            new LocalStackError(
              `Formatting Kafka storage in ${this.dataDir} failed (exit code ${String(code)}). Delete ` +
                `infra/.cache/kafka to download the jars again if they are damaged. Output:\n${output.trim()}`,
            ),
          );
        }
      });
    });
  }

  private async waitUntilReady(port: number): Promise<void> {
    try {
      await waitForKafkaMetadata(HOST, port, {
        timeoutMs: this.options.startTimeoutMs ?? 90_000,
        abortReason: () => {
          const running = this.process;
          if (running?.isRunning) {
            return undefined;
          }
          const exit = running?.exit;
          return `Kafka exited during start-up (code ${String(exit?.code)}, signal ${String(exit?.signal)}${
            exit?.error ? `, ${exit.error.message}` : ''
          })`;
        },
      });
    } catch (error: unknown) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new LocalStackError(
        `${reason}. Last lines of ${this.logFile}:\n${readLogTail(this.logFile)}`,
        {
          cause: error,
        },
      );
    }
  }
}

import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AppName } from '@app/config';

export interface AppProcessOptions {
  readonly app: AppName;
  /** The compiled entry point, e.g. dist/apps/booking/src/main.js. */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Receives every output line of the app. */
  readonly onLine: (app: AppName, line: string) => void;
}

/** One app as a child process, its output read line by line. */
export class AppProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;

  constructor(private readonly options: AppProcessOptions) {}

  get app(): AppName {
    return this.options.app;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(onExit: (app: AppName, code: number | null, signal: NodeJS.Signals | null) => void): void {
    const child = spawn(process.execPath, ['--enable-source-maps', this.options.entry], {
      cwd: this.options.cwd,
      env: { ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      if (stream !== null) {
        createInterface({ input: stream }).on('line', (line) =>
          this.options.onLine(this.options.app, line),
        );
      }
    }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        onExit(this.options.app, code, signal);
        resolve(code);
      });
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    const child = this.child;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
}

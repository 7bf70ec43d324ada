import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ManagedProcessSpec {
  /** Short name used in messages, e.g. `kafka`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** stdout and stderr are appended here (a file, not a pipe: the server outlives no pipe). */
  readonly logFile: string;
  readonly uid?: number;
  readonly gid?: number;
  /** The signal the server shuts down cleanly on (SIGTERM for Kafka, SIGINT for PostgreSQL). */
  readonly stopSignal: NodeJS.Signals;
  /** How long a clean stop may take before the process group is killed. */
  readonly stopGraceMs: number;
  /**
   * Let Node exit while the server runs (it is then SIGKILLed by the exit hook). For
   * servers owned by tests, so that a forgotten one cannot keep Jest alive.
   */
  readonly unref?: boolean;
}

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly error?: Error;
}

/**
 * Stops the server when the Node process that started it is gone, however it went
 * (SIGKILL, a crash, a closed terminal): polls the parent pid once a second, then sends
 * the stop signal and, after the grace period, SIGKILL to the server's process group.
 */
const WATCHDOG_SCRIPT = [
  'while kill -0 "$WATCH_PARENT" 2>/dev/null; do',
  '  kill -0 "$WATCH_CHILD" 2>/dev/null || exit 0',
  '  sleep 1',
  'done',
  'kill -s "$WATCH_SIGNAL" "$WATCH_CHILD" 2>/dev/null',
  'i=0',
  'while kill -0 "$WATCH_CHILD" 2>/dev/null && [ "$i" -lt "$WATCH_GRACE" ]; do sleep 1; i=$((i+1)); done',
  'kill -s KILL -- "-$WATCH_CHILD" 2>/dev/null',
  'exit 0',
].join('\n');

const running = new Set<ManagedProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) {
    return;
  }
  exitHookInstalled = true;
  // Last resort when someone calls process.exit() without stopping the stack: 'exit'
  // handlers must be synchronous, so the servers get SIGKILL (the watchdog covers signals).
  process.once('exit', () => {
    for (const managed of running) {
      managed.killNow();
    }
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: already gone.
  }
}

/**
 * A long-running server process (a JVM, a postmaster) in its own process group, with a
 * watchdog so that it never outlives the Node process that started it.
 */
export class ManagedProcess {
  private exitInfo: ProcessExit | undefined;

  private constructor(
    readonly spec: ManagedProcessSpec,
    private readonly child: ChildProcess,
    private readonly watchdog: ChildProcess | undefined,
    readonly exited: Promise<ProcessExit>,
  ) {
    void exited.then((info) => {
      this.exitInfo = info;
      running.delete(this);
      this.stopWatchdog();
    });
  }

  static start(spec: ManagedProcessSpec): ManagedProcess {
    installExitHook();
    const out = openSync(spec.logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(spec.command, [...spec.args], {
        cwd: spec.cwd,
        env: spec.env ?? process.env,
        detached: true,
        stdio: ['ignore', out, out],
        uid: spec.uid,
        gid: spec.gid,
      });
    } finally {
      closeSync(out);
    }
    const exited = new Promise<ProcessExit>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const watchdog =
      child.pid === undefined
        ? undefined
        : spawn('sh', ['-c', WATCHDOG_SCRIPT], {
            detached: true,
            stdio: 'ignore',
            env: {
              PATH: process.env.PATH ?? '/usr/bin:/bin',
              WATCH_PARENT: String(process.pid),
              WATCH_CHILD: String(child.pid),
              WATCH_SIGNAL: spec.stopSignal.replace(/^SIG/, ''),
              WATCH_GRACE: String(Math.ceil(spec.stopGraceMs / 1000)),
            },
          });
    if (spec.unref) {
      child.unref();
    }
    watchdog?.on('error', () => undefined);
    watchdog?.unref();
    const managed = new ManagedProcess(spec, child, watchdog, exited);
    running.add(managed);
    return managed;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get isRunning(): boolean {
    return this.exitInfo === undefined;
  }

  /** How the process ended, once it has. */
  get exit(): ProcessExit | undefined {
    return this.exitInfo;
  }

  /** Clean stop: the stop signal, then SIGKILL to the whole group after the grace period. */
  async stop(): Promise<{ readonly forced: boolean }> {
    const pid = this.child.pid;
    if (!this.isRunning || pid === undefined) {
      await this.exited;
      return { forced: false };
    }
    signalPid(pid, this.spec.stopSignal);
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.spec.stopGraceMs);
      }),
    ]);
    clearTimeout(timer);
    // Whatever is left of the group (children of the server) goes too.
    signalGroup(pid, 'SIGKILL');
    await this.exited;
    return { forced: !inTime };
  }

  /** Synchronous SIGKILL of the process group (for `exit` handlers and second Ctrl-C). */
  killNow(): void {
    const pid = this.child.pid;
    if (pid !== undefined && this.isRunning) {
      signalGroup(pid, 'SIGKILL');
    }
    this.stopWatchdog();
  }

  /** The last `lines` lines of the server's log, for error messages. */
  logTail(lines = 40): string {
    return readLogTail(this.spec.logFile, lines);
  }

  private stopWatchdog(): void {
    const pid = this.watchdog?.pid;
    if (pid !== undefined) {
      signalGroup(pid, 'SIGKILL');
    }
  }
}

export function readLogTail(file: string, lines = 40): string {
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.min(size, 64 * 1024);
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, size - length);
      return buffer
        .toString('utf8')
        .split('\n')
        .slice(-lines - 1)
        .join('\n')
        .trimEnd();
    } finally {
      closeSync(fd);
    }
  } catch {
    return '(no log written)';
  }
}

/** Kills every managed server of this process at once (second Ctrl-C). */
export function killAllManagedProcesses(): void {
  for (const managed of running) {
    managed.killNow();
  }
}

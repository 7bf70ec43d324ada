import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Instance names of test stacks carry the pid of the Jest process that owns them. */
export function testInstanceName(pid: number = process.pid): string {
  return `test-${pid}`;
}

/** The owning pid of a test instance folder name, e.g. `test-123` or `test-dedicated-123-2` → 123. */
export function ownerPidOf(folderName: string): number | undefined {
  const match = /^test-(?:dedicated-)?(\d+)(?:-[\w-]+)?$/.exec(folderName);
  return match ? Number(match[1]) : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Removes test data folders under `.local/{postgres,kafka}` whose owning process is gone.
 * A run keeps its folders (with the server logs) until the next run cleans them up.
 */
export async function removeStaleTestData(rootDir: string): Promise<void> {
  for (const kind of ['postgres', 'kafka']) {
    const parent = join(rootDir, '.local', kind);
    let names: string[];
    try {
      names = readdirSync(parent);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = ownerPidOf(name);
      if (pid !== undefined && pid !== process.pid && !alive(pid)) {
        await rm(join(parent, name), { recursive: true, force: true });
      }
    }
  }
}

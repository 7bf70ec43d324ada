import { execFileSync } from 'node:child_process';

/** Process ids whose command line contains `fragment` (Linux `ps`). */
export function pidsMatching(fragment: string): number[] {
  const output = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' });
  return output
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\S+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .filter((match) => !(match[2] ?? '').startsWith('Z')) // a zombie holds no resources
    .filter((match) => (match[3] ?? '').includes(fragment))
    .map((match) => Number(match[1]));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], {
      encoding: 'utf8',
    }).trim();
    return stat !== '' && !stat.startsWith('Z');
  } catch {
    return false;
  }
}

/** Direct children of `parent` whose command line contains `fragment`. */
export function childPids(parent: number, fragment: string): number[] {
  const output = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return output
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .filter((match) => Number(match[2]) === parent && (match[3] ?? '').includes(fragment))
    .map((match) => Number(match[1]));
}

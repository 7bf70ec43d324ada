import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { APP_NAMES, PORT_VARIABLE } from '@app/config';
import { findFreePort, findRepoRoot } from '@app/local-stack';
import { waitFor } from '../libs/messaging/src/test-support/backbone-harness';
import { gql } from './support/running-platform';
import { childPids, isAlive, pidsMatching } from './support/processes';

/**
 * README's start command, as a new user runs it: its own PostgreSQL and Kafka, every app,
 * demo data, a URL and a token; Ctrl-C leaves nothing running.
 */
describe('npm start', () => {
  const root = findRepoRoot(__dirname);
  // test-<pid>-…: the next test run removes it once this process is gone.
  const stackName = `test-${process.pid}-start`;
  let child: ChildProcess;
  let output = '';

  afterAll(() => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  });

  it('starts the platform with demo data, prints the URL and a working token, and Ctrl-C stops everything', async () => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !['DATABASE_URL', 'KAFKA_BROKERS', 'NODE_ENV'].includes(key)) {
        env[key] = value;
      }
    }
    const used: number[] = [];
    for (const app of APP_NAMES) {
      const port = await findFreePort(used);
      used.push(port);
      env[PORT_VARIABLE[app]] = String(port);
    }
    env.LOCAL_STACK_NAME = stackName;
    child = spawn(process.execPath, [join(root, 'dist', 'infra', 'scripts', 'start.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const url = await waitFor(
      () => output.match(/GraphQL:\s+(http:\/\/\S+)/)?.[1],
      'the start command to print the GraphQL URL',
      150_000,
    );
    const token = await waitFor(
      () => output.match(/Head-office token \(8 h\):\n(\S+)/)?.[1],
      'the head-office token',
    );
    const clinics = await gql<{ clinics: { code: string; treatments: { code: string }[] }[] }>(
      url,
      '{ clinics { code treatments { code } } }',
      { token },
    );
    expect(clinics.errors).toBeUndefined();
    expect(clinics.data?.clinics.map((c) => c.code).sort()).toEqual(['BRS-01', 'LDS-01', 'MAN-01']);
    expect(clinics.data?.clinics[0]?.treatments.length).toBe(4);

    const appPids = childPids(child.pid ?? -1, join(root, 'dist', 'apps'));
    expect(appPids).toHaveLength(APP_NAMES.length);
    const infraPids = [
      ...pidsMatching(`.local/kafka/${stackName}`),
      ...pidsMatching(`.local/postgres/${stackName}`),
    ];
    expect(infraPids.length).toBeGreaterThanOrEqual(2);

    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('nothing left running');
    expect([...appPids, ...infraPids].filter(isAlive)).toEqual([]);
    expect(pidsMatching(stackName)).toEqual([]);
  });
});

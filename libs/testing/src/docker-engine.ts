import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TestInfraEnv } from './test-infra-selection';

type DockerEndpoint =
  { readonly socketPath: string } | { readonly host: string; readonly port: number };

/** Where a Docker engine may listen: DOCKER_HOST, else the usual socket paths. */
export function dockerEndpoints(env: TestInfraEnv): DockerEndpoint[] {
  const dockerHost = env.DOCKER_HOST?.trim();
  if (dockerHost) {
    if (dockerHost.startsWith('unix://')) {
      return [{ socketPath: dockerHost.slice('unix://'.length) }];
    }
    const tcp = /^tcp:\/\/([^:/]+):(\d+)/.exec(dockerHost);
    return tcp ? [{ host: tcp[1], port: Number(tcp[2]) }] : [];
  }
  const candidates = [
    '/var/run/docker.sock',
    env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'docker.sock') : undefined,
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
  ];
  return candidates
    .filter((path): path is string => path !== undefined && existsSync(path))
    .map((socketPath) => ({ socketPath }));
}

/** True when some Docker engine answers `GET /_ping` (or, over TLS TCP, accepts a connection) in time. */
export async function dockerEngineAnswers(env: TestInfraEnv, timeoutMs = 1_500): Promise<boolean> {
  for (const endpoint of dockerEndpoints(env)) {
    if (await endpointAnswers(endpoint, env, timeoutMs)) {
      return true;
    }
  }
  return false;
}

function endpointAnswers(
  endpoint: DockerEndpoint,
  env: TestInfraEnv,
  timeoutMs: number,
): Promise<boolean> {
  if ('host' in endpoint && env.DOCKER_TLS_VERIFY) {
    return new Promise((resolve) => {
      const socket = connect({ host: endpoint.host, port: endpoint.port });
      socket.setTimeout(timeoutMs, () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
  return new Promise((resolve) => {
    const req = request(
      { ...endpoint, path: '/_ping', method: 'GET', timeout: timeoutMs },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.once('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.once('error', () => resolve(false));
    req.end();
  });
}

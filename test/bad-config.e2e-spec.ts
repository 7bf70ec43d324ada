import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot } from '@app/local-stack';

const root = findRepoRoot(__dirname);

function boot(app: string, env: Record<string, string>): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'apps', app, 'src', 'main.js')], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('an app with bad configuration', () => {
  it('stops at boot and names every bad variable and what was expected', () => {
    const result = boot('booking', {
      BOOKING_PORT: 'abc',
      KAFKA_BROKERS: '127.0.0.1:9092',
      JWT_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BOOKING_PORT');
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).toMatch(/BOOKING_PORT: expected .*port/);
  });

  it('stops the gateway when no key to verify tokens is configured in production', () => {
    const result = boot('gateway', {});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/JWT_PUBLIC_KEY/);
  });
});

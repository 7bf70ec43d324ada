import { createPrivateKey, createPublicKey } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeyPair } from './dev-key-pair';

describe(ensureDevKeyPair.name, () => {
  let dir: string;

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'dev-keys-')), 'keys');
  });

  afterEach(() => {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('creates an RSA pair with the private key readable only by its owner', async () => {
    const pair = await ensureDevKeyPair(dir);
    expect(pair.created).toBe(true);
    expect(statSync(pair.privateKeyPath).mode & 0o777).toBe(0o600);
    expect(createPrivateKey(readFileSync(pair.privateKeyPath, 'utf8')).asymmetricKeyType).toBe(
      'rsa',
    );
    expect(readFileSync(pair.publicKeyPath, 'utf8')).toBe(pair.publicKeyPem);
  });

  it('reuses the pair on later calls', async () => {
    const first = await ensureDevKeyPair(dir);
    const second = await ensureDevKeyPair(dir);
    expect(second.created).toBe(false);
    expect(second.privateKeyPem).toBe(first.privateKeyPem);
  });

  it('rewrites a public key that no longer matches the private key', async () => {
    const first = await ensureDevKeyPair(dir);
    writeFileSync(first.publicKeyPath, 'stale');
    const second = await ensureDevKeyPair(dir);
    const derived = createPublicKey(first.privateKeyPem).export({ type: 'spki', format: 'pem' });
    expect(readFileSync(second.publicKeyPath, 'utf8')).toBe(derived.toString());
  });

  it('tightens a private key left readable by others', async () => {
    const first = await ensureDevKeyPair(dir);
    chmodSync(first.privateKeyPath, 0o644);
    await ensureDevKeyPair(dir);
    expect(statSync(first.privateKeyPath).mode & 0o777).toBe(0o600);
  });

  it('says how to recover from an unreadable private key', async () => {
    const first = await ensureDevKeyPair(dir);
    writeFileSync(first.privateKeyPath, 'garbage');
    await expect(ensureDevKeyPair(dir)).rejects.toThrow('delete it and run again');
  });
});

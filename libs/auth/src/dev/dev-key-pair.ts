import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { messageOf } from '../error-message';
import { DEV_KEY_DIR, DEV_PRIVATE_KEY_FILE, DEV_PUBLIC_KEY_FILE } from '../jwt-defaults';

export interface DevKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
  /** True when this call generated the pair; false when an existing one was reused. */
  readonly created: boolean;
}

const PRIVATE_MODE = 0o600;

/**
 * Returns the development RS256 key pair in `dir`, generating it the first time
 * (`jwt-private.pem` PKCS#8 with mode 0600, `jwt-public.pem` SPKI). The public file is always
 * rewritten from the private key if it is missing or does not match, so the two never drift.
 * For development only: production tokens come from the network's identity provider.
 */
export async function ensureDevKeyPair(dir: string = DEV_KEY_DIR): Promise<DevKeyPair> {
  const privateKeyPath = join(dir, DEV_PRIVATE_KEY_FILE);
  const publicKeyPath = join(dir, DEV_PUBLIC_KEY_FILE);
  await mkdir(dir, { recursive: true, mode: 0o700 });

  let privateKeyPem = await readIfPresent(privateKeyPath);
  const created = privateKeyPem === undefined;
  if (privateKeyPem === undefined) {
    privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await writeAtomically(privateKeyPath, privateKeyPem, PRIVATE_MODE);
  } else {
    await tightenMode(privateKeyPath);
  }

  const publicKeyPem = publicPemFor(privateKeyPem, privateKeyPath);
  if ((await readIfPresent(publicKeyPath)) !== publicKeyPem) {
    await writeAtomically(publicKeyPath, publicKeyPem, 0o644);
  }
  return { privateKeyPem, publicKeyPem, privateKeyPath, publicKeyPath, created };
}

function publicPemFor(privateKeyPem: string, path: string): string {
  try {
    return createPublicKey(createPrivateKey(privateKeyPem))
      .export({ type: 'spki', format: 'pem' })
      .toString();
  } catch (error: unknown) {
    throw new Error(
      `the development private key ${path} is unreadable (${messageOf(error)}); delete it and run again to generate a new pair`,
      { cause: error },
    );
  }
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error: unknown) {
    if (isErrno(error) && error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/** Write to a temporary name, then rename: a reader never sees half a key. */
async function writeAtomically(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode, flag: 'w' });
  await chmod(temporary, mode);
  await rename(temporary, path);
}

async function tightenMode(path: string): Promise<void> {
  const { mode } = await stat(path);
  if ((mode & 0o077) !== 0) {
    await chmod(path, PRIVATE_MODE);
  }
}

/** Duck-typed: Node's fs errors may come from another realm (e.g. under Jest). */
function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}

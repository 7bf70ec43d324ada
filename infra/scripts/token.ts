/**
 * `npm run token -- --role clinic_manager --clinic <uuid>`: prints a development JWT.
 * stdout carries the token and nothing else (so `TOKEN=$(npm run -s token -- ...)` works);
 * hints go to stderr. The development key pair in .local/keys is created on first use.
 */
import { resolve } from 'node:path';
import {
  DEV_KEY_DIR,
  DEV_PUBLIC_KEY_FILE,
  TOKEN_USAGE,
  TokenUsageError,
  type TokenCommand,
  ensureDevKeyPair,
  parseTokenArgs,
  signDevToken,
} from '@app/auth';

async function main(argv: readonly string[]): Promise<number> {
  const command = commandFrom(argv);
  if (command === undefined) {
    return 2;
  }
  if (command.kind === 'help') {
    process.stderr.write(`${TOKEN_USAGE}\n`);
    return 0;
  }

  const keys = await ensureDevKeyPair(DEV_KEY_DIR);
  if (keys.created) {
    process.stderr.write(`token: created the development key pair in ${resolve(DEV_KEY_DIR)}\n`);
  }
  const issuer = process.env.JWT_ISSUER;
  const audience = process.env.JWT_AUDIENCE;
  const token = await signDevToken(
    {
      ...command.request,
      ...(issuer === undefined || issuer === '' ? {} : { issuer }),
      ...(audience === undefined || audience === '' ? {} : { audience }),
    },
    keys.privateKeyPem,
  );
  process.stdout.write(`${token}\n`);

  const { role, clinicIds = [], ttl } = command.request;
  const clinics = clinicIds.length > 0 ? ` for clinic(s) ${clinicIds.join(', ')}` : '';
  process.stderr.write(
    `token: ${role}${clinics}, valid for ${String(ttl)}. ` +
      'Send it as `Authorization: Bearer <token>`.\n',
  );
  const keyVariables = ['JWT_PUBLIC_KEY', 'JWT_PUBLIC_KEY_FILE', 'JWT_JWKS_URL'].filter(
    (name) => (process.env[name] ?? '') !== '',
  );
  if (keyVariables.length > 0) {
    process.stderr.write(
      `token: note: ${keyVariables.join(', ')} is set; apps accept this token only if that key ` +
        `is the development public key ${resolve(DEV_KEY_DIR, DEV_PUBLIC_KEY_FILE)}\n`,
    );
  }
  return 0;
}

/** The parsed command, or undefined after explaining a usage mistake on stderr. */
function commandFrom(argv: readonly string[]): TokenCommand | undefined {
  try {
    return parseTokenArgs(argv);
  } catch (error: unknown) {
    if (error instanceof TokenUsageError) {
      process.stderr.write(`token: ${error.message}\n\n${TOKEN_USAGE}\n`);
      return undefined;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`token: ${message}\n`);
    process.exitCode = 1;
  },
);

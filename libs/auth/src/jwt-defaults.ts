/** The only signature algorithm accepted or produced. */
export const JWT_ALGORITHM = 'RS256';

/** `JWT_ISSUER` when unset: the development identity provider (the token command). */
export const DEFAULT_JWT_ISSUER = 'https://id.dev.stretch-clinics.local/';

/** `JWT_AUDIENCE` when unset. */
export const DEFAULT_JWT_AUDIENCE = 'stretch-clinic-platform';

/** `JWT_CLOCK_TOLERANCE_SECONDS` when unset: leeway for `exp`/`nbf` between machines. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

/** Where the development key pair lives (relative to the working directory, git-ignored). */
export const DEV_KEY_DIR = '.local/keys';
export const DEV_PRIVATE_KEY_FILE = 'jwt-private.pem';
export const DEV_PUBLIC_KEY_FILE = 'jwt-public.pem';

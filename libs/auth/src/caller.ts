import type { Role } from './roles';

/**
 * Who is calling, as resolvers and services see it. Built from a verified token by
 * `callerFromClaims`; never from anything the client sends outside the signed token.
 *
 * Claims (JWT payload) → fields:
 * | claim          | field         | shape                                                  |
 * |----------------|---------------|--------------------------------------------------------|
 * | `sub`          | `subject`     | non-empty string (the identity provider's user id)     |
 * | `role`         | `role`        | one of `ROLES`                                         |
 * | `clinic_ids`   | `clinicIds`   | array of UUIDs (lower-cased here); may be absent       |
 * | `scope`        | `scopes`      | space-separated string (RFC 8693), e.g. `events:read`   |
 * | `therapist_id` | `therapistId` | UUID; required when role is `therapist`                |
 * | `client_id`    | `clientId`    | UUID; required when role is `client`                   |
 * Plus the standard `iss`, `aud`, `exp` (required), `nbf` and `iat` checked by `JwtVerifier`.
 */
export interface Caller {
  readonly subject: string;
  readonly role: Role;
  /** Clinics this caller may act for. Ignored for head office, who see every clinic. */
  readonly clinicIds: readonly string[];
  /** Granted scopes; meaningful for integrators (e.g. `events:read`). */
  readonly scopes: readonly string[];
  readonly therapistId?: string;
  readonly clientId?: string;
}

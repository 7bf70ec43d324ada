import { Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import type { Tx } from '@app/database';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { ClientAccessError, ClientAccessErrorCode } from './client-access.errors';
import { ClientScopeRepository } from './client-scope.repository';
import { ClientPurpose, decideClientAccess } from './domain/client-access';
import type { ClientScope } from './domain/client-scope';

/**
 * The one gate every context passes before touching a client's record. Call it inside the
 * use case's transaction, before reading or writing, so a denial writes nothing (no audit
 * row either).
 */
@Injectable()
export class ClientAccessService {
  constructor(private readonly scopes: ClientScopeRepository) {}

  /**
   * The client's scope when the caller may do `purpose`; otherwise INVALID_CLIENT_ID,
   * CLIENT_NOT_FOUND or FORBIDDEN. Writes (`*:write`, `erase`) lock the client row (shared)
   * and refuse an erased client with CLIENT_ERASED.
   */
  async require(
    tx: Tx,
    caller: Caller,
    clientId: string,
    purpose: ClientPurpose,
  ): Promise<ClientScope> {
    const wellFormed: boolean = isUuid(clientId);
    if (!wellFormed) {
      throw new ClientAccessError(
        ClientAccessErrorCode.InvalidClientId,
        `client id "${clientId}" is not a UUID`,
        { clientId },
      );
    }
    const writing = purpose.endsWith(':write') || purpose === 'erase';
    const scope = await this.scopes.scopeOf(tx, clientId.toLowerCase(), writing);
    if (scope === undefined) {
      throw new ClientAccessError(
        ClientAccessErrorCode.ClientNotFound,
        `no client ${clientId}; check the id, or register the client first`,
        { clientId },
      );
    }
    const decision = decideClientAccess(caller, scope, purpose);
    if (!decision.allowed) {
      throw new ForbiddenError(decision.reason, { clientId });
    }
    if (writing && scope.erasedAt !== null) {
      throw new ClientAccessError(
        ClientAccessErrorCode.ClientErased,
        `client ${clientId} asked for erasure on ${scope.erasedAt.toISOString()}; their record can no longer change`,
        { clientId },
      );
    }
    return scope;
  }
}

import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum ClientAccessErrorCode {
  InvalidClientId = 'INVALID_CLIENT_ID',
  ClientNotFound = 'CLIENT_NOT_FOUND',
  ClientErased = 'CLIENT_ERASED',
}

function kindOf(code: ClientAccessErrorCode): ErrorKind {
  switch (code) {
    case ClientAccessErrorCode.InvalidClientId:
      return 'bad_input';
    case ClientAccessErrorCode.ClientNotFound:
      return 'not_found';
    case ClientAccessErrorCode.ClientErased:
      return 'conflict';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped client access error ${String(unreachable)}`);
    }
  }
}

/** A client id that is malformed, unknown, or names a record whose personal details were erased. */
export class ClientAccessError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ClientAccessErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}

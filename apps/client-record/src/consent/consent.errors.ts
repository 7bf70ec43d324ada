import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum ConsentErrorCode {
  ChannelRequired = 'CONSENT_CHANNEL_REQUIRED',
  ChannelNotAllowed = 'CONSENT_CHANNEL_NOT_ALLOWED',
  FormVersionRequired = 'CONSENT_FORM_VERSION_REQUIRED',
  FormVersionNotFound = 'CONSENT_FORM_VERSION_NOT_FOUND',
  FormVersionOfOtherKind = 'CONSENT_FORM_VERSION_OF_OTHER_KIND',
  MethodNotAllowed = 'CONSENT_METHOD_NOT_ALLOWED',
  InvalidEffectiveAt = 'INVALID_EFFECTIVE_AT',
  NotGranted = 'CONSENT_NOT_GRANTED',
}

function kindOf(code: ConsentErrorCode): ErrorKind {
  switch (code) {
    case ConsentErrorCode.FormVersionNotFound:
      return 'not_found';
    case ConsentErrorCode.NotGranted:
      return 'conflict';
    case ConsentErrorCode.ChannelRequired:
    case ConsentErrorCode.ChannelNotAllowed:
    case ConsentErrorCode.FormVersionRequired:
    case ConsentErrorCode.FormVersionOfOtherKind:
    case ConsentErrorCode.MethodNotAllowed:
    case ConsentErrorCode.InvalidEffectiveAt:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped consent error ${String(unreachable)}`);
    }
  }
}

export class ConsentError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ConsentErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}

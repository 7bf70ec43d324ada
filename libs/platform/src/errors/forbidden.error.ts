import { DomainError } from './domain-error';

/** The caller is known but may not do this; the message says what access is needed. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly kind = 'forbidden' as const;
}

import { SetMetadata } from '@nestjs/common';
import type { Role } from '../roles';

export const ROLES_KEY = 'auth:roles';

/**
 * Restricts a resolver method or class to callers holding one of `roles`; the global guard
 * answers others with `FORBIDDEN` naming the roles needed. Method metadata overrides class.
 * Clinic scoping is separate: services apply `clinicScope(caller)` / `canActForClinic`.
 */
export const Roles = (...roles: readonly Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

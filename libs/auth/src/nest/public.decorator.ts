import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'auth:isPublic';

/**
 * Marks a resolver (or controller) method or class as callable without a token. Keep this
 * for the few operations that must be: the health query, liveness/readiness, metrics.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Injection token of the app's pino Logger: `@Inject(PLATFORM_LOGGER) logger: Logger`. */
export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');

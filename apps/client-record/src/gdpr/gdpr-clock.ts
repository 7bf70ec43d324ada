/** The gdpr context's clock: injected so tests can move "now" (erasure dates, purge runs). */
export type GdprClock = () => Date;

export const GDPR_CLOCK = Symbol('GDPR_CLOCK');

export const systemClock: GdprClock = () => new Date();

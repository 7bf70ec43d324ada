export const CONSENT_KINDS = ['treatment', 'service_messages', 'marketing'] as const;

export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** A published version of a consent form; a client's consent always names the version. */
export interface ConsentForm {
  readonly id: string;
  readonly kind: ConsentKind;
  readonly version: number;
  readonly title: string;
  readonly summary: string;
  readonly publishedAt: Date;
}

import type { Certification } from './certification';

/** A certification as a reader sees it: integrators do not see evidence or who handled it. */
export interface CertificationView extends Omit<
  Certification,
  'evidenceReference' | 'recordedBy' | 'verifiedBy'
> {
  readonly evidenceReference: string | null;
  readonly recordedBy: string | null;
  readonly verifiedBy: string | null;
}

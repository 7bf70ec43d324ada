import { CertificationModel } from './certification.model';
import type { CertificationView } from './domain/certification-view';

export function toCertificationModel(certification: CertificationView): CertificationModel {
  return Object.assign(new CertificationModel(), {
    ...certification,
    verified: certification.verifiedAt !== null,
  });
}

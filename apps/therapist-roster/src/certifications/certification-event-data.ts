import type { CertificationState } from '@app/contracts';
import type { CalendarDate } from '../therapists/domain/calendar-date';
import type { Certification } from './domain/certification';
import { certificationStatusAt } from './domain/certification-status';

/** The state every certification event carries; status as of `on`. */
export function certificationStateOf(
  certification: Certification,
  on: CalendarDate,
): CertificationState {
  return {
    certificationId: certification.id,
    therapistId: certification.therapistId,
    type: certification.type,
    issuedOn: certification.issuedOn,
    expiresOn: certification.expiresOn,
    verified: certification.verifiedBy !== null,
    status: certificationStatusAt(certification, on),
  };
}

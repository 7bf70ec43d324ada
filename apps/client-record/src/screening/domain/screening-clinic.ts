import { ScreeningErrorCode } from '../screening.errors';
import type { Checked } from './screening-problem';

/**
 * The clinic a screening belongs to: the one asked for, which must be one of the client's
 * clinics; otherwise the first of the client's clinics the caller works at; otherwise (head
 * office) the client's first clinic.
 */
export function screeningClinic(
  clientClinicIds: readonly string[],
  callerClinicIds: readonly string[],
  requested: string | null | undefined,
): Checked<string> {
  if (requested !== null && requested !== undefined) {
    const clinicId = requested.toLowerCase();
    return clientClinicIds.includes(clinicId)
      ? { ok: true, value: clinicId }
      : {
          ok: false,
          problem: {
            code: ScreeningErrorCode.InvalidClinic,
            field: 'clinicId',
            message: `clinic ${requested} is not one the client attends (${clientClinicIds.join(', ') || 'none'}); pick one of theirs or leave clinicId out`,
          },
        };
  }
  const chosen =
    clientClinicIds.find((clinicId) => callerClinicIds.includes(clinicId)) ?? clientClinicIds[0];
  return chosen === undefined
    ? {
        ok: false,
        problem: {
          code: ScreeningErrorCode.InvalidClinic,
          field: 'clinicId',
          message: 'the client attends no clinic yet; add them to a clinic before screening',
        },
      }
    : { ok: true, value: chosen };
}

import type { ClinicStatus } from '../../clinics/domain/clinic-status';
import { ScheduleErrorCode } from '../schedules.errors';
import type { ScheduleProblem } from './schedule-problem';

/**
 * Working patterns may be set only at a clinic that is opening or active: not at one that is
 * suspended or closed. Undefined when the clinic takes patterns.
 */
export function clinicSchedulingProblem(
  status: ClinicStatus,
  clinicName: string,
): ScheduleProblem | undefined {
  switch (status) {
    case 'opening':
    case 'active':
      return undefined;
    case 'suspended':
    case 'closed':
      return {
        code: ScheduleErrorCode.ClinicNotSchedulable,
        field: 'clinicId',
        message: `clinic ${clinicName} is ${status}; working patterns can be set only at a clinic that is opening or active`,
      };
    default: {
      const unreachable: never = status;
      throw new Error(`unknown clinic status ${String(unreachable)}`);
    }
  }
}

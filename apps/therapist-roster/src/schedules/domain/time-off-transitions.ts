import { ScheduleErrorCode } from '../schedules.errors';
import type { ScheduleProblem } from './schedule-problem';
import type { TimeOffStatus } from './time-off';

export type TimeOffAction = 'approve' | 'reject' | 'cancel';

/**
 * The time-off state machine:
 *
 *   requested ──approve──▶ approved ──cancel──▶ cancelled
 *       │ ├────reject───▶ rejected
 *       │ └────cancel───▶ cancelled
 *
 * Rejected and cancelled are final. Returns the new status, or what is wrong.
 */
export function nextTimeOffStatus(
  current: TimeOffStatus,
  action: TimeOffAction,
):
  | { readonly ok: true; readonly status: TimeOffStatus }
  | {
      readonly ok: false;
      readonly problem: ScheduleProblem;
    } {
  const refuse = (allowedFrom: string): { ok: false; problem: ScheduleProblem } => ({
    ok: false,
    problem: {
      code: ScheduleErrorCode.TimeOffTransitionNotAllowed,
      field: 'id',
      message: `cannot ${action} time off that is ${current}; only ${allowedFrom} time off can be ${pastTense(action)}`,
    },
  });
  switch (action) {
    case 'approve':
      return current === 'requested' ? { ok: true, status: 'approved' } : refuse('requested');
    case 'reject':
      return current === 'requested' ? { ok: true, status: 'rejected' } : refuse('requested');
    case 'cancel':
      return current === 'requested' || current === 'approved'
        ? { ok: true, status: 'cancelled' }
        : refuse('requested or approved');
    default: {
      const unreachable: never = action;
      throw new Error(`unknown time-off action ${String(unreachable)}`);
    }
  }
}

function pastTense(action: TimeOffAction): string {
  switch (action) {
    case 'approve':
      return 'approved';
    case 'reject':
      return 'rejected';
    case 'cancel':
      return 'cancelled';
    default: {
      const unreachable: never = action;
      throw new Error(`unknown time-off action ${String(unreachable)}`);
    }
  }
}

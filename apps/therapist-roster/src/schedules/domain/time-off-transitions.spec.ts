import { ScheduleErrorCode } from '../schedules.errors';
import { nextTimeOffStatus, TimeOffAction } from './time-off-transitions';
import { TIME_OFF_STATUSES, TimeOffStatus } from './time-off';

describe(nextTimeOffStatus.name, () => {
  it.each<[TimeOffStatus, TimeOffAction, TimeOffStatus]>([
    ['requested', 'approve', 'approved'],
    ['requested', 'reject', 'rejected'],
    ['requested', 'cancel', 'cancelled'],
    ['approved', 'cancel', 'cancelled'],
  ])('moves %s time off to %s → %s', (from, action, to) => {
    expect(nextTimeOffStatus(from, action)).toEqual({ ok: true, status: to });
  });

  const allowed = new Set([
    'requested:approve',
    'requested:reject',
    'requested:cancel',
    'approved:cancel',
  ]);
  const refused = TIME_OFF_STATUSES.flatMap((status) =>
    (['approve', 'reject', 'cancel'] as const)
      .filter((action) => !allowed.has(`${status}:${action}`))
      .map((action): [TimeOffStatus, TimeOffAction] => [status, action]),
  );

  it.each(refused)(
    'refuses to move %s time off with %s, naming the current state',
    (from, action) => {
      const result = nextTimeOffStatus(from, action);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.problem.code).toBe(ScheduleErrorCode.TimeOffTransitionNotAllowed);
        expect(result.problem.message).toContain(`cannot ${action} time off that is ${from}`);
      }
    },
  );
});

import { isUuid } from '@app/auth';
import { isIsoDate } from '../clinics/domain/iso-date';
import { ScheduleError, ScheduleErrorCode } from './schedules.errors';
import type { ScheduleProblem } from './domain/schedule-problem';

/** Input checks shared by the schedules use cases; each throws a ScheduleError. */
export function requireId(value: string, field: string, what: string): string {
  const wellFormed: boolean = isUuid(value);
  if (!wellFormed) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidId,
      `${field} "${value}" is not a ${what} id: ids are UUIDs`,
      { field },
    );
  }
  return value.toLowerCase();
}

export function requireDate(value: string, field: string): string {
  if (!isIsoDate(value)) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidDate,
      `${field} "${value}" is not a calendar date; use YYYY-MM-DD, e.g. 2026-03-29`,
      { field },
    );
  }
  return value;
}

/** Throws the problem as a ScheduleError. */
export function failWith(problem: ScheduleProblem): never {
  throw new ScheduleError(problem.code, problem.message, { field: problem.field });
}

/** Throws the first problem, with every problem's message in the details. */
export function throwProblems(problems: readonly ScheduleProblem[]): void {
  const [first] = problems;
  if (first !== undefined) {
    throw new ScheduleError(first.code, first.message, {
      field: first.field,
      problems: problems.map((p) => ({ code: p.code, field: p.field, message: p.message })),
    });
  }
}

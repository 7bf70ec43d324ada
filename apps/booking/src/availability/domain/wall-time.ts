const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;

/** "HH:MM", 24-hour wall-clock time in the clinic's timezone; an end may be "24:00". */
export type WallTime = string;

/** A half-open wall-clock range [start, end) within one day, e.g. 09:00–17:30. */
export interface WallTimeRange {
  readonly start: WallTime;
  readonly end: WallTime;
}

/** Minutes after midnight of a start time (00:00–23:59), or undefined when malformed. */
export function wallStartMinutes(time: WallTime): number | undefined {
  const match = WALL_TIME.exec(time);
  return match === null ? undefined : Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes after midnight of an end time (00:01–24:00), or undefined when malformed. */
export function wallEndMinutes(time: WallTime): number | undefined {
  if (time === '24:00') {
    return MINUTES_PER_DAY;
  }
  const minutes = wallStartMinutes(time);
  return minutes === 0 ? undefined : minutes;
}

import type { LocalTime } from './opening-hours';

const START_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;

/** Minutes after midnight of an "HH:MM" start time (00:00–23:59), or undefined. */
export function startMinutes(time: LocalTime): number | undefined {
  const match = START_PATTERN.exec(time);
  if (match === null) {
    return undefined;
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes after midnight of an "HH:MM" end time (00:01–24:00), or undefined. */
export function endMinutes(time: LocalTime): number | undefined {
  if (time === '24:00') {
    return MINUTES_PER_DAY;
  }
  const minutes = startMinutes(time);
  return minutes === 0 ? undefined : minutes;
}

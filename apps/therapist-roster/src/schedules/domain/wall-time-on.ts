import { addDays } from './calendar-date';
import { utcToZoned } from './zoned-time';

/**
 * The wall-clock time of `instant` in `zone`, written relative to `date`: "24:00" for
 * midnight at the end of `date`, so a shift ending at midnight reads 18:00–24:00.
 */
export function wallTimeOn(instant: Date, date: string, zone: string): string {
  const local = utcToZoned(instant, zone);
  if (local.date === addDays(date, 1) && local.time === '00:00') {
    return '24:00';
  }
  return local.time;
}

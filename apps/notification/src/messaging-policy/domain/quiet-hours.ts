/** Default quiet hours, clinic-local wall time: no non-urgent messages from 21:00 to 08:00. */
export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:00' } as const;

/**
 * True when a local wall-clock time (HH:MM) falls inside quiet hours that may wrap past
 * midnight (start later than end).
 */
export function isWithinQuietHours(localTime: string, start: string, end: string): boolean {
  if (start === end) {
    return false;
  }
  return start < end
    ? localTime >= start && localTime < end
    : localTime >= start || localTime < end;
}

import { offsetLabel, zoneOffsetMs } from '../availability/domain/zone-timeline';

/** The zone's UTC offset at an instant, as ISO 8601 writes it: "+01:00", "+00:00". */
export function localOffsetAt(instant: Date, timezone: string): string {
  return offsetLabel(zoneOffsetMs(instant.getTime(), timezone));
}

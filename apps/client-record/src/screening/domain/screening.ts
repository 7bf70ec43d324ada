import type { CalendarDate } from './calendar-date';
import type { Condition, ConditionDuration, RedFlag, ScreeningOutcome } from './screening-terms';

/** A health screening as stored (append-only; the latest of a client's counts). */
export interface Screening {
  readonly id: string;
  readonly clientId: string;
  readonly clinicId: string;
  readonly conditions: readonly Condition[];
  readonly otherConditionDescription: string | null;
  readonly duration: ConditionDuration;
  readonly baselinePain: number;
  readonly medications: readonly string[];
  readonly redFlags: readonly RedFlag[];
  readonly screenedOn: CalendarDate;
  readonly lapsesOn: CalendarDate;
  readonly recordedBy: string;
  readonly recordedByRole: string;
  readonly recordedAt: Date;
  /** The rules table's outcome for this screening's red flags. */
  readonly outcome: ScreeningOutcome;
}

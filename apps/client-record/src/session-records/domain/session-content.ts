import { SessionRecordError, SessionRecordErrorCode } from '../session-records.errors';
import {
  JOINTS,
  Joint,
  MAX_NOTES_LENGTH,
  MAX_REASON_LENGTH,
  MAX_ROM_ENTRIES,
  MOVEMENTS,
  Movement,
  SIDES,
  SessionContent,
  Side,
  RangeOfMotionEntry,
  TECHNIQUES,
  Technique,
} from './session-record';

/** What a caller sends: plain strings and numbers, checked here. */
export interface SessionContentDraft {
  readonly painBefore: number;
  readonly painAfter: number;
  readonly rangeOfMotion: readonly {
    readonly joint: string;
    readonly movement: string;
    readonly side: string;
    readonly degrees: number;
  }[];
  readonly techniques: readonly string[];
  readonly notes?: string | null;
}

function oneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** NPRS: a whole number from 0 (no pain) to 10 (worst imaginable). */
export function checkPainScore(field: 'painBefore' | 'painAfter', score: number): number {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new SessionRecordError(
      SessionRecordErrorCode.InvalidPainScore,
      `${field} ${score} is not an NPRS score; give a whole number from 0 (no pain) to 10 (worst imaginable)`,
      { field, score },
    );
  }
  return score;
}

function romError(index: number, message: string): SessionRecordError {
  return new SessionRecordError(
    SessionRecordErrorCode.InvalidRangeOfMotion,
    `rangeOfMotion[${index}]: ${message}`,
    { field: `rangeOfMotion[${index}]` },
  );
}

export function checkRangeOfMotion(
  entries: SessionContentDraft['rangeOfMotion'],
): RangeOfMotionEntry[] {
  if (entries.length > MAX_ROM_ENTRIES) {
    throw new SessionRecordError(
      SessionRecordErrorCode.InvalidRangeOfMotion,
      `at most ${MAX_ROM_ENTRIES} range of motion entries per session; you sent ${entries.length}`,
      { field: 'rangeOfMotion' },
    );
  }
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const joint = entry.joint.trim().toLowerCase();
    const movement = entry.movement.trim().toLowerCase();
    const side = entry.side.trim().toLowerCase();
    if (!oneOf<Joint>(JOINTS, joint)) {
      throw romError(index, `unknown joint "${entry.joint}"; use one of ${JOINTS.join(', ')}`);
    }
    if (!oneOf<Movement>(MOVEMENTS, movement)) {
      throw romError(
        index,
        `unknown movement "${entry.movement}"; use one of ${MOVEMENTS.join(', ')}`,
      );
    }
    if (!oneOf<Side>(SIDES, side)) {
      throw romError(index, `unknown side "${entry.side}"; use one of ${SIDES.join(', ')}`);
    }
    if (!Number.isFinite(entry.degrees) || entry.degrees < 0 || entry.degrees > 360) {
      throw romError(index, `degrees ${entry.degrees} must be from 0 to 360`);
    }
    const key = `${joint}/${movement}/${side}`;
    if (seen.has(key)) {
      throw romError(
        index,
        `${key} is measured twice; send one entry per joint, movement and side`,
      );
    }
    seen.add(key);
    return { joint, movement, side, degrees: entry.degrees };
  });
}

export function checkTechniques(techniques: readonly string[]): Technique[] {
  const checked = techniques.map((raw) => {
    const technique = raw.trim().toLowerCase();
    if (!oneOf<Technique>(TECHNIQUES, technique)) {
      throw new SessionRecordError(
        SessionRecordErrorCode.InvalidTechnique,
        `unknown technique "${raw}"; use one of ${TECHNIQUES.join(', ')}`,
        { field: 'techniques', technique: raw },
      );
    }
    return technique;
  });
  if (checked.length === 0) {
    throw new SessionRecordError(
      SessionRecordErrorCode.InvalidTechnique,
      'name at least one technique used in the session',
      { field: 'techniques' },
    );
  }
  return [...new Set(checked)];
}

export function checkNotes(notes: string | null | undefined): string {
  const trimmed = (notes ?? '').trim();
  if (trimmed.length > MAX_NOTES_LENGTH) {
    throw new SessionRecordError(
      SessionRecordErrorCode.InvalidNotes,
      `notes are ${trimmed.length} characters; keep them to ${MAX_NOTES_LENGTH}`,
      { field: 'notes' },
    );
  }
  return trimmed;
}

/** The validated, normalised content of a session record version. */
export function checkSessionContent(draft: SessionContentDraft): SessionContent {
  return {
    painBefore: checkPainScore('painBefore', draft.painBefore),
    painAfter: checkPainScore('painAfter', draft.painAfter),
    rangeOfMotion: checkRangeOfMotion(draft.rangeOfMotion),
    techniques: checkTechniques(draft.techniques),
    notes: checkNotes(draft.notes),
  };
}

/** An amendment says why: a non-blank reason of at most MAX_REASON_LENGTH characters. */
export function checkAmendmentReason(reason: string | null | undefined): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length === 0 || trimmed.length > MAX_REASON_LENGTH) {
    throw new SessionRecordError(
      SessionRecordErrorCode.AmendmentReasonRequired,
      trimmed.length === 0
        ? 'say why you amend the record (e.g. "pain after was entered as 7, client reported 2"); the original is kept'
        : `the reason is ${trimmed.length} characters; keep it to ${MAX_REASON_LENGTH}`,
      { field: 'reason' },
    );
  }
  return trimmed;
}

/** The number of the next version: records start at 1 and grow by one per amendment. */
export function nextVersion(currentVersion: number): number {
  return currentVersion + 1;
}

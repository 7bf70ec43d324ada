/** 'open' once booking.completed arrived and nothing is written yet; 'recorded' after. */
export type SessionRecordStatus = 'open' | 'recorded';

export const JOINTS = [
  'cervical_spine',
  'thoracic_spine',
  'lumbar_spine',
  'shoulder',
  'elbow',
  'wrist',
  'hip',
  'knee',
  'ankle',
] as const;
export type Joint = (typeof JOINTS)[number];

export const MOVEMENTS = [
  'flexion',
  'extension',
  'abduction',
  'adduction',
  'internal_rotation',
  'external_rotation',
  'lateral_flexion',
  'rotation',
  'dorsiflexion',
  'plantarflexion',
] as const;
export type Movement = (typeof MOVEMENTS)[number];

export const SIDES = ['left', 'right', 'bilateral', 'none'] as const;
export type Side = (typeof SIDES)[number];

export const TECHNIQUES = [
  'pnf_contract_relax',
  'pnf_hold_relax',
  'pnf_contract_relax_agonist_contract',
  'static',
  'dynamic',
  'myofascial_release',
  'active_isolated',
  'other',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

export interface RangeOfMotionEntry {
  readonly joint: Joint;
  readonly movement: Movement;
  readonly side: Side;
  readonly degrees: number;
}

/** The clinical content of one version of a session record. */
export interface SessionContent {
  readonly painBefore: number;
  readonly painAfter: number;
  readonly rangeOfMotion: readonly RangeOfMotionEntry[];
  readonly techniques: readonly Technique[];
  readonly notes: string;
}

export const MAX_NOTES_LENGTH = 10_000;
export const MAX_REASON_LENGTH = 2_000;
export const MAX_ROM_ENTRIES = 50;

export interface SessionRecordVersion extends SessionContent {
  readonly version: number;
  /** Why it was amended; null for the first version. */
  readonly reason: string | null;
  readonly writtenBySubject: string;
  readonly writtenByRole: string;
  readonly writtenByTherapistId: string | null;
  readonly createdAt: Date;
}

export interface SessionRecord {
  readonly id: string;
  readonly bookingId: string;
  readonly clientId: string;
  readonly therapistId: string;
  readonly clinicId: string;
  /** Clinic-local date of the session, YYYY-MM-DD. */
  readonly sessionDate: string;
  readonly startedAt: Date;
  readonly status: SessionRecordStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The latest version; null while the record is open and nothing is written. */
  readonly current: SessionRecordVersion | null;
}

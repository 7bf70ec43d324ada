import type { SessionRecord, SessionRecordVersion } from './domain/session-record';
import {
  SessionRecordModel,
  SessionRecordStatusEnum,
  SessionRecordVersionModel,
} from './session-record.model';

export function toSessionRecordVersionModel(
  version: SessionRecordVersion,
): SessionRecordVersionModel {
  return {
    version: version.version,
    painBefore: version.painBefore,
    painAfter: version.painAfter,
    rangeOfMotion: version.rangeOfMotion.map((entry) => ({ ...entry })),
    techniques: [...version.techniques],
    notes: version.notes,
    reason: version.reason,
    writtenBy: version.writtenBySubject,
    writtenByRole: version.writtenByRole,
    writtenAt: version.createdAt,
  };
}

export function toSessionRecordModel(
  record: SessionRecord,
  versions: readonly SessionRecordVersion[] | null,
): SessionRecordModel {
  return {
    id: record.id,
    bookingId: record.bookingId,
    clientId: record.clientId,
    therapistId: record.therapistId,
    clinicId: record.clinicId,
    sessionDate: record.sessionDate,
    startedAt: record.startedAt,
    status: SessionRecordStatusEnum[record.status],
    current: record.current === null ? null : toSessionRecordVersionModel(record.current),
    versions: versions === null ? null : versions.map(toSessionRecordVersionModel),
  };
}

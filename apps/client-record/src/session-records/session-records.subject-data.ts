import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { SubjectDataSection } from '../gdpr/subject-data.registry';
import { SessionRecordsRepository } from './session-records.repository';

/**
 * Session records in the subject access export (every version), kept at an erasure request
 * (notes are clinical records, kept until retention ends, then purged), and the date of the
 * last recorded session for the retention rule.
 */
@Injectable()
export class SessionRecordsSubjectData implements SubjectDataSection {
  readonly name = 'sessionRecords';

  constructor(private readonly records: SessionRecordsRepository) {}

  async exportFor(tx: Tx, clientId: string): Promise<unknown> {
    const records = await this.records.listByClient(tx, clientId);
    const exported = [];
    for (const record of records) {
      const versions = await this.records.versionsOf(tx, record.id);
      exported.push({
        id: record.id,
        bookingId: record.bookingId,
        therapistId: record.therapistId,
        clinicId: record.clinicId,
        sessionDate: record.sessionDate,
        startedAt: record.startedAt.toISOString(),
        status: record.status,
        versions: versions.map((version) => ({
          version: version.version,
          painBefore: version.painBefore,
          painAfter: version.painAfter,
          rangeOfMotion: version.rangeOfMotion,
          techniques: version.techniques,
          notes: version.notes,
          reason: version.reason,
          writtenByRole: version.writtenByRole,
          writtenAt: version.createdAt.toISOString(),
        })),
      });
    }
    return exported;
  }

  /** Nothing: session records hold no contact details, and their notes are clinical records. */
  async erasePersonalDetails(): Promise<void> {
    // Clinical content stays until the retention date; see purge.
  }

  async purge(tx: Tx, clientId: string): Promise<void> {
    await this.records.deleteByClient(tx, clientId);
  }

  lastTreatmentOn(tx: Tx, clientId: string): Promise<string | null> {
    return this.records.latestSessionDate(tx, clientId);
  }
}

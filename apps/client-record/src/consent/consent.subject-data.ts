import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { SubjectDataSection } from '../gdpr/subject-data.registry';
import { ConsentRepository } from './consent.repository';

/**
 * The consent ledger in the subject access export and the erasure. Consent entries are the
 * evidence that treatment was consented to (and that messages were allowed): they hold no
 * contact details or free text (ids, kinds, flags, times and the recording staff login),
 * so an erasure request keeps them until the retention purge, which deletes them.
 */
@Injectable()
export class ConsentSubjectData implements SubjectDataSection {
  readonly name = 'consents';

  constructor(private readonly ledger: ConsentRepository) {}

  async exportFor(tx: Tx, clientId: string): Promise<unknown> {
    const entries = await this.ledger.history(tx, clientId);
    return entries.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      channel: entry.channel,
      granted: entry.granted,
      formVersionId: entry.formVersionId,
      method: entry.method,
      effectiveAt: entry.effectiveAt.toISOString(),
      recordedAt: entry.recordedAt.toISOString(),
      recordedByRole: entry.recordedByRole,
    }));
  }

  /** Kept as evidence until the purge (see the class comment). */
  async erasePersonalDetails(): Promise<void> {
    // Intentionally empty.
  }

  async purge(tx: Tx, clientId: string): Promise<void> {
    await this.ledger.deleteByClient(tx, clientId);
  }
}

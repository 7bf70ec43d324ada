import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';

/**
 * One context's part of what the service holds on a client, for UK GDPR. Each context that
 * stores client data registers a section (in its module's onModuleInit) so the subject
 * access export and the erasure cover it without the gdpr context knowing its tables.
 */
export interface SubjectDataSection {
  /** The key of this section in the export, e.g. `screenings`. */
  readonly name: string;
  /** Everything the section holds on the client, JSON-ready (dates as ISO strings). */
  exportFor(tx: Tx, clientId: string): Promise<unknown>;
  /**
   * At an erasure request: remove personal details now (names, contact, free text that
   * identifies the person). Clinical records stay until their retention date.
   */
  erasePersonalDetails(tx: Tx, clientId: string): Promise<void>;
  /** When retention ends: delete every clinical record of the client in this section. */
  purge(tx: Tx, clientId: string): Promise<void>;
  /** The last date (YYYY-MM-DD, clinic-local) the client was treated, as far as this section knows. */
  lastTreatmentOn?(tx: Tx, clientId: string): Promise<string | null>;
}

@Injectable()
export class SubjectDataRegistry {
  private readonly registered = new Map<string, SubjectDataSection>();

  register(section: SubjectDataSection): void {
    if (this.registered.has(section.name)) {
      throw new Error(`subject data section ${section.name} is registered twice`);
    }
    this.registered.set(section.name, section);
  }

  sections(): SubjectDataSection[] {
    return [...this.registered.values()];
  }
}

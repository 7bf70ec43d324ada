import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { SubjectDataSection } from '../gdpr/subject-data.registry';
import { ClientsRepository } from './clients.repository';

/**
 * The client's demographics and clinics in the subject access export and the erasure.
 * Erasure nulls every personal field of the client row (names, contact, address, GP,
 * emergency contact, the login's subject) and marks it erased; the date of birth stays
 * until the purge because the retention rule for under-18s needs it. Erasure also deletes
 * the client's `client.contact_changed` events from the outbox, published or not (they hold
 * the name, email and phone). The client row itself
 * (and its clinics) is deleted last by the gdpr context's purge, after every other section
 * purged what refers to it: this section's purge deletes nothing.
 */
@Injectable()
export class ClientsSubjectData implements SubjectDataSection {
  readonly name = 'client';

  constructor(private readonly clients: ClientsRepository) {}

  async exportFor(tx: Tx, clientId: string): Promise<unknown> {
    const client = await this.clients.findById(tx, clientId);
    if (client === undefined) {
      return null;
    }
    return {
      id: client.id,
      givenName: client.givenName,
      familyName: client.familyName,
      dateOfBirth: client.dateOfBirth,
      email: client.email,
      phone: client.phone,
      address: client.address,
      gpPractice: client.gpPractice,
      emergencyContact: client.emergencyContact,
      registeredVia: client.registeredVia,
      registeredClinicId: client.registeredClinicId,
      registeredAt: client.registeredAt.toISOString(),
      updatedAt: client.updatedAt.toISOString(),
      erasedAt: client.erasedAt?.toISOString() ?? null,
      clinics: client.clinics.map((clinic) => ({
        clinicId: clinic.clinicId,
        since: clinic.since.toISOString(),
      })),
    };
  }

  async erasePersonalDetails(tx: Tx, clientId: string): Promise<void> {
    await this.clients.erasePersonalDetails(tx, clientId);
    await this.clients.deleteContactEvents(tx, clientId);
  }

  /** The client row is deleted by the gdpr context's purge, last (see the class comment). */
  async purge(): Promise<void> {
    // Intentionally empty.
  }
}

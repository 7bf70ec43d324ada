import { Injectable } from '@nestjs/common';
import type { TherapistState } from '@app/contracts';
import type { Tx } from '@app/database';
import { TherapistProfessionRepository } from './therapist-profession.repository';

/**
 * client-record's projection of who is what profession (physiotherapist, sports or stretch
 * therapist), from therapist-roster's events: only a physiotherapist may override a
 * screening's outcome. Never read from the roster's database.
 */
@Injectable()
export class TherapistProfessionService {
  constructor(private readonly therapists: TherapistProfessionRepository) {}

  async apply(tx: Tx, state: TherapistState, occurredAt: string, eventId: string): Promise<void> {
    await this.therapists.upsert(
      tx,
      {
        therapistId: state.therapistId,
        profession: state.profession,
        status: state.status,
        asOf: new Date(occurredAt),
      },
      eventId,
    );
  }

  /** The therapist's profession, or undefined when the roster has not told us yet. */
  async professionOf(tx: Tx, therapistId: string): Promise<string | undefined> {
    return (await this.therapists.find(tx, therapistId))?.profession;
  }
}

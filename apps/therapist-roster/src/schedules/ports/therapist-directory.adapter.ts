import { Injectable } from '@nestjs/common';
import { TherapistsService } from '../../therapists/therapists.service';
import { TherapistDirectoryPort, TherapistSummary } from './therapist-directory.port';

/** TherapistDirectoryPort over the therapists context's service. */
@Injectable()
export class TherapistDirectoryAdapter implements TherapistDirectoryPort {
  constructor(private readonly therapists: TherapistsService) {}

  async requireTherapist(therapistId: string): Promise<TherapistSummary> {
    const therapist = await this.therapists.requireTherapist(therapistId);
    return {
      id: therapist.id,
      displayName: `${therapist.givenName} ${therapist.familyName}`,
      status: therapist.status,
      clinicIds: therapist.clinicIds,
      leftOn: therapist.leftOn,
    };
  }
}

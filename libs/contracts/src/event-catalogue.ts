import { EventDefinition, eventKey } from './event-definition';
import {
  ClinicHoursChangedV1,
  ClinicOpenedV1,
  ClinicStatusChangedV1,
  ClinicUpdatedV1,
  RoomAddedV1,
  RoomRetiredV1,
} from './events/roster.events';
import {
  CertificationExpiredV1,
  CertificationExpiringV1,
  CertificationRecordedV1,
  CertificationRevokedV1,
  CertificationVerifiedV1,
  TherapistAssignedV1,
  TherapistJoinedV1,
  TherapistLeftV1,
  TherapistUnassignedV1,
  TherapistUpdatedV1,
} from './events/therapist.events';
import {
  TimeOffApprovedV1,
  TimeOffCancelledV1,
  WorkingPatternChangedV1,
} from './events/schedule.events';

/** A lookup of event definitions by type and version. */
export class EventCatalogue {
  private readonly byKey = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      const key = eventKey(definition);
      if (this.byKey.has(key)) {
        throw new Error(
          `event ${key} is declared twice; each event type and version is declared once`,
        );
      }
      this.byKey.set(key, definition);
    }
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.byKey.get(eventKey({ type, version }));
  }

  all(): EventDefinition[] {
    return [...this.byKey.values()];
  }
}

/** Every event type the platform publishes. Add new definitions here. */
export const PLATFORM_EVENTS: readonly EventDefinition[] = [
  ClinicOpenedV1,
  ClinicUpdatedV1,
  ClinicHoursChangedV1,
  ClinicStatusChangedV1,
  RoomAddedV1,
  RoomRetiredV1,
  TherapistJoinedV1,
  TherapistUpdatedV1,
  TherapistAssignedV1,
  TherapistUnassignedV1,
  TherapistLeftV1,
  CertificationRecordedV1,
  CertificationVerifiedV1,
  CertificationRevokedV1,
  CertificationExpiringV1,
  CertificationExpiredV1,
  WorkingPatternChangedV1,
  TimeOffApprovedV1,
  TimeOffCancelledV1,
];

export const platformCatalogue = new EventCatalogue(PLATFORM_EVENTS);

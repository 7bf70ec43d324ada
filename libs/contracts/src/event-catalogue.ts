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
import { EligibilityChangedV1, ScreeningCompletedV1 } from './events/screening.events';
import {
  BookingCancelledV1,
  BookingCheckedInV1,
  BookingCompletedV1,
  BookingConfirmedV1,
  BookingHeldV1,
  BookingHoldExpiredV1,
  BookingNoShowV1,
  BookingRescheduledV1,
} from './events/booking.events';
import { CarePlanCreatedV1, CarePlanUpdatedV1, SessionRecordedV1 } from './events/care.events';
import { AdverseEventReportedV1 } from './events/adverse-event.events';
import {
  CancellationPolicyChangedV1,
  ClinicOfferingChangedV1,
  TreatmentChangedV1,
} from './events/catalogue.events';

import { ClientErasedV1, ClientPurgedV1 } from './events/gdpr.events';
import {
  BookingAttentionClearedV1,
  BookingNeedsRescheduleV1,
} from './events/booking-attention.events';
import {
  ClientClinicAddedV1,
  ClientContactChangedV1,
  ClientRegisteredV1,
  ConsentChangedV1,
} from './events/client.events';
import {
  WaitlistExpiredV1,
  WaitlistJoinedV1,
  WaitlistOfferExpiredV1,
  WaitlistOfferMadeV1,
} from './events/waitlist.events';

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
  ScreeningCompletedV1,
  EligibilityChangedV1,
  BookingHeldV1,
  BookingConfirmedV1,
  BookingRescheduledV1,
  BookingCancelledV1,
  BookingCheckedInV1,
  BookingCompletedV1,
  BookingNoShowV1,
  BookingHoldExpiredV1,
  CarePlanCreatedV1,
  CarePlanUpdatedV1,
  SessionRecordedV1,
  AdverseEventReportedV1,
  ClientErasedV1,
  ClientPurgedV1,
  ClientRegisteredV1,
  ClientClinicAddedV1,
  ClientContactChangedV1,
  ConsentChangedV1,
  TreatmentChangedV1,
  ClinicOfferingChangedV1,
  CancellationPolicyChangedV1,
  WaitlistJoinedV1,
  WaitlistOfferMadeV1,
  WaitlistOfferExpiredV1,
  WaitlistExpiredV1,
  BookingNeedsRescheduleV1,
  BookingAttentionClearedV1,
];

export const platformCatalogue = new EventCatalogue(PLATFORM_EVENTS);

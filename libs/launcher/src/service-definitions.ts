import type { ServiceName } from '@app/config';
import type { ServiceDefinition } from '@app/platform/service-definition';
import { bookingDefinition } from '../../../apps/booking/src/booking.definition';
import { clientRecordDefinition } from '../../../apps/client-record/src/client-record.definition';
import { notificationDefinition } from '../../../apps/notification/src/notification.definition';
import { therapistRosterDefinition } from '../../../apps/therapist-roster/src/therapist-roster.definition';

/** Every service's entities and migrations, for running migrations before the apps start. */
export const SERVICE_DEFINITIONS: Readonly<Record<ServiceName, ServiceDefinition>> = {
  'therapist-roster': therapistRosterDefinition,
  booking: bookingDefinition,
  'client-record': clientRecordDefinition,
  notification: notificationDefinition,
};

/** The four domain services; each is a federation subgraph with its own database. */
export const SERVICE_NAMES = [
  'therapist-roster',
  'booking',
  'client-record',
  'notification',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Every app the platform runs. */
export const APP_NAMES = ['gateway', ...SERVICE_NAMES] as const;
export type AppName = (typeof APP_NAMES)[number];

/** The port variable each app listens on. */
export const PORT_VARIABLE = {
  gateway: 'GATEWAY_PORT',
  'therapist-roster': 'ROSTER_PORT',
  booking: 'BOOKING_PORT',
  'client-record': 'CLIENT_RECORD_PORT',
  notification: 'NOTIFICATION_PORT',
} as const satisfies Record<AppName, string>;

/** The variable the gateway reads for each subgraph's URL. */
export const SUBGRAPH_URL_VARIABLE = {
  'therapist-roster': 'ROSTER_URL',
  booking: 'BOOKING_URL',
  'client-record': 'CLIENT_RECORD_URL',
  notification: 'NOTIFICATION_URL',
} as const satisfies Record<ServiceName, string>;

/** Each service's own database on the DATABASE_URL server (no hyphens: no quoting needed). */
export const SERVICE_DATABASE = {
  'therapist-roster': 'roster',
  booking: 'booking',
  'client-record': 'client_record',
  notification: 'notification',
} as const satisfies Record<ServiceName, string>;

/** One database per service, in one PostgreSQL cluster. */
export const SERVICE_DATABASES = ['roster', 'booking', 'client_record', 'notification'] as const;

export type ServiceDatabase = (typeof SERVICE_DATABASES)[number];

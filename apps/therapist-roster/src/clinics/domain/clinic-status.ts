export const CLINIC_STATUSES = ['opening', 'active', 'suspended', 'closed'] as const;

export type ClinicStatus = (typeof CLINIC_STATUSES)[number];

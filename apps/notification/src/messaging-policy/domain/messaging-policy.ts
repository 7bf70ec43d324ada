export interface MessagingPolicy {
  readonly clinicId: string;
  readonly clinicName: string;
  readonly timezone: string;
  readonly quietHoursStart: string;
  readonly quietHoursEnd: string;
}

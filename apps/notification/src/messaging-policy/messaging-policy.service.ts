import { Injectable } from '@nestjs/common';
import { ClinicOpenedV1, EventData } from '@app/contracts';
import type { Tx } from '@app/database';
import { MessagingPolicy } from './domain/messaging-policy';
import { DEFAULT_QUIET_HOURS } from './domain/quiet-hours';
import { MessagingPolicyRepository } from './messaging-policy.repository';

@Injectable()
export class MessagingPolicyService {
  constructor(private readonly policies: MessagingPolicyRepository) {}

  async clinicOpened(data: EventData<typeof ClinicOpenedV1>, tx: Tx): Promise<void> {
    await this.policies.upsertClinic(tx, {
      clinicId: data.clinicId,
      clinicName: data.name,
      timezone: data.timezone,
      quietHoursStart: DEFAULT_QUIET_HOURS.start,
      quietHoursEnd: DEFAULT_QUIET_HOURS.end,
    });
  }

  async forClinic(clinicId: string): Promise<MessagingPolicy | undefined> {
    return this.policies.findByClinic(clinicId);
  }
}

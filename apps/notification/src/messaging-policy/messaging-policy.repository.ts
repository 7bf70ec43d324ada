import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import { MessagingPolicy } from './domain/messaging-policy';
import { MessagingPolicyEntity } from './messaging-policy.entity';

@Injectable()
export class MessagingPolicyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a clinic; an existing policy keeps its quiet hours, takes the new name and zone. */
  async upsertClinic(tx: Tx, policy: MessagingPolicy): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(MessagingPolicyEntity)
      .values(policy)
      .orUpdate(['clinic_name', 'timezone'], ['clinic_id'])
      .execute();
  }

  async findByClinic(clinicId: string): Promise<MessagingPolicy | undefined> {
    return (
      (await this.dataSource.manager.findOneBy(MessagingPolicyEntity, { clinicId })) ?? undefined
    );
  }
}

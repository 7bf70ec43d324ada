import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per clinic: its timezone (from roster events) and when not to send non-urgent messages. */
@Entity({ name: 'clinic_messaging_policy' })
export class MessagingPolicyEntity {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('text', { name: 'clinic_name' })
  clinicName!: string;

  @Column('text')
  timezone!: string;

  @Column('text', { name: 'quiet_hours_start' })
  quietHoursStart!: string;

  @Column('text', { name: 'quiet_hours_end' })
  quietHoursEnd!: string;
}

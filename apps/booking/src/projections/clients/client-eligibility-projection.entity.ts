import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EligibilityStatusValue } from '@app/contracts';

/** A client's eligibility for treatment, replaced by each eligibility.changed. */
@Entity({ name: 'client_eligibility_projection' })
export class ClientEligibilityProjectionEntity {
  @PrimaryColumn('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'clinic_ids', array: true })
  clinicIds!: string[];

  @Column('uuid', { name: 'screening_id' })
  screeningId!: string;

  @Column('text')
  status!: EligibilityStatusValue;

  @Column('date', { name: 'valid_until' })
  validUntil!: string;

  @Column('text')
  cause!: 'screening' | 'override' | 'gp_clearance' | 'lapse';

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt!: Date;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}

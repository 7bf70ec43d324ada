import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoomStatus } from './domain/clinic-room-projection';

/** A clinic's treatment room, from clinic full-state events and room.added / room.retired. */
@Entity({ name: 'clinic_room_projection' })
export class ClinicRoomProjectionEntity {
  @PrimaryColumn('uuid', { name: 'room_id' })
  roomId!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  status!: RoomStatus;

  @Column('timestamptz', { name: 'added_at', nullable: true })
  addedAt!: Date | null;

  @Column('timestamptz', { name: 'retired_at', nullable: true })
  retiredAt!: Date | null;

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt!: Date;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}

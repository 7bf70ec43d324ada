import { ServiceDefinition } from '@app/platform/service-definition';
import { CertificationNoticeEntity } from './certifications/certification-notice.entity';
import { CertificationEntity } from './certifications/certification.entity';
import { ClinicEntity } from './clinics/clinic.entity';
import { ClinicHoursExceptionEntity } from './clinics/clinic-hours-exception.entity';
import { ClinicRoomEntity } from './clinics/clinic-room.entity';
import { MessagingTables1763900000000 } from './migrations/1763900000000-MessagingTables';
import { Clinics1763900000100 } from './migrations/1763900000100-Clinics';
import { ClinicDetails1763900001000 } from './migrations/1763900001000-ClinicDetails';
import { Therapists1763900002000 } from './migrations/1763900002000-Therapists';
import { Certifications1763900002100 } from './migrations/1763900002100-Certifications';
import { Schedules1763900003000 } from './migrations/1763900003000-Schedules';
import { TimeOffEntity } from './schedules/time-off.entity';
import { WorkingPatternShiftEntity } from './schedules/working-pattern-shift.entity';
import { TherapistClinicEntity } from './therapists/therapist-clinic.entity';
import { TherapistEntity } from './therapists/therapist.entity';

export const therapistRosterDefinition: ServiceDefinition = {
  name: 'therapist-roster',
  entities: [
    ClinicEntity,
    ClinicHoursExceptionEntity,
    ClinicRoomEntity,
    TherapistEntity,
    TherapistClinicEntity,
    CertificationEntity,
    CertificationNoticeEntity,
    WorkingPatternShiftEntity,
    TimeOffEntity,
  ],
  migrations: [
    MessagingTables1763900000000,
    Clinics1763900000100,
    ClinicDetails1763900001000,
    Therapists1763900002000,
    Certifications1763900002100,
    Schedules1763900003000,
  ],
};

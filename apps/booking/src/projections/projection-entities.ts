import { ClinicProjectionEntity } from '../clinics/clinic-projection.entity';
import { ClinicRoomProjectionEntity } from '../clinics/clinic-room-projection.entity';
import { CarePlanProjectionEntity } from './clients/care-plan-projection.entity';
import { ClientEligibilityProjectionEntity } from './clients/client-eligibility-projection.entity';
import { ClientErasureProjectionEntity } from './clients/client-erasure-projection.entity';
import { TimeOffProjectionEntity } from './schedules/time-off-projection.entity';
import { WorkingPatternProjectionEntity } from './schedules/working-pattern-projection.entity';
import { CertificationProjectionEntity } from './therapists/certification-projection.entity';
import { TherapistProjectionEntity } from './therapists/therapist-projection.entity';

/** The entities of the projection tables this folder adds (clinic_projection is listed already). */
export const PROJECTION_ENTITIES = [
  ClinicRoomProjectionEntity,
  TherapistProjectionEntity,
  CertificationProjectionEntity,
  WorkingPatternProjectionEntity,
  TimeOffProjectionEntity,
  ClientEligibilityProjectionEntity,
  CarePlanProjectionEntity,
  ClientErasureProjectionEntity,
];

/**
 * Every entity whose table is built only from events, which `rebuild-projections` empties
 * and refills. Nothing may reference these tables by foreign key (TRUNCATE would refuse,
 * and a CASCADE must never reach bookings).
 */
export const REBUILT_PROJECTION_ENTITIES = [ClinicProjectionEntity, ...PROJECTION_ENTITIES];

import { Module } from '@nestjs/common';
import { TherapistProfessionConsumer } from './therapist-profession.consumer';
import { TherapistProfessionRepository } from './therapist-profession.repository';
import { TherapistProfessionService } from './therapist-profession.service';

/** Therapists as client-record knows them: a projection of roster events. */
@Module({
  providers: [
    TherapistProfessionRepository,
    TherapistProfessionService,
    TherapistProfessionConsumer,
  ],
  exports: [TherapistProfessionService],
})
export class TherapistsModule {}

import { Module } from '@nestjs/common';
import { GDPR_CLOCK, systemClock } from './gdpr-clock';
import { GdprRepository } from './gdpr.repository';
import { GdprResolver } from './gdpr.resolver';
import { GdprService } from './gdpr.service';
import { RetentionPurgeJob } from './retention-purge.job';

/**
 * UK GDPR for client-record: subject access export, erasure and the retention purge. The
 * data comes from the SubjectDataSections other contexts register (see
 * subject-data.registry.ts), plus the core tables this context reads itself.
 */
@Module({
  providers: [
    { provide: GDPR_CLOCK, useValue: systemClock },
    GdprRepository,
    GdprService,
    GdprResolver,
    RetentionPurgeJob,
  ],
  exports: [RetentionPurgeJob],
})
export class GdprModule {}

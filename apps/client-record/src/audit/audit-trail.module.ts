import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditTrailResolver } from './audit-trail.resolver';
import { AuditTrailService } from './audit-trail.service';

/** Head office's reading of the audit trail (the writer lives in the client core). */
@Module({
  providers: [AuditRepository, AuditTrailService, AuditTrailResolver],
})
export class AuditTrailModule {}

import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { AuditWriter } from '../audit/audit.writer';
import { SubjectDataRegistry } from '../gdpr/subject-data.registry';
import { ClientAccessService } from './client-access.service';
import { ClientScopeRepository } from './client-scope.repository';

/**
 * What every context of the client record shares: the access gate, the audit writer and
 * the registry of subject-data sections. Global so contexts inject them without importing
 * each other.
 */
@Global()
@Module({
  providers: [
    ClientScopeRepository,
    ClientAccessService,
    AuditRepository,
    AuditWriter,
    SubjectDataRegistry,
  ],
  exports: [ClientScopeRepository, ClientAccessService, AuditWriter, SubjectDataRegistry],
})
export class ClientCoreModule {}

import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { ServiceModuleFactory } from '@app/platform/bootstrap-service';
import { ClientRecordModule } from '../../client-record.module';
import { GdprModule } from '../gdpr.module';
import { RetentionPurgeJob } from '../retention-purge.job';
import { SubjectDataRegistry, SubjectDataSection } from '../subject-data.registry';

export interface TestNote {
  /** Personal free text: removed at erasure. */
  note: string | null;
  /** Clinical content: kept until the purge. */
  painScore: number;
  lastTreatmentOn: string | null;
}

/**
 * A subject-data section for gdpr integration tests, standing in for the contexts that
 * other parts of the service register: it holds one note per client and can be told to
 * fail for a client, as a real section might (a database error, a bug).
 */
export class TestSubjectDataSection implements SubjectDataSection {
  readonly name = 'gdprTestNotes';
  readonly notes = new Map<string, TestNote>();
  readonly failFor = new Set<string>();
  readonly calls: { readonly method: string; readonly clientId: string }[] = [];

  exportFor(_tx: Tx, clientId: string): Promise<unknown> {
    this.check('exportFor', clientId);
    const note = this.notes.get(clientId);
    return Promise.resolve(note === undefined ? [] : [{ ...note }]);
  }

  erasePersonalDetails(_tx: Tx, clientId: string): Promise<void> {
    this.check('erasePersonalDetails', clientId);
    const note = this.notes.get(clientId);
    if (note !== undefined) {
      note.note = null;
    }
    return Promise.resolve();
  }

  purge(_tx: Tx, clientId: string): Promise<void> {
    this.check('purge', clientId);
    this.notes.delete(clientId);
    return Promise.resolve();
  }

  lastTreatmentOn(_tx: Tx, clientId: string): Promise<string | null> {
    return Promise.resolve(this.notes.get(clientId)?.lastTreatmentOn ?? null);
  }

  private check(method: string, clientId: string): void {
    this.calls.push({ method, clientId });
    if (this.failFor.has(clientId)) {
      throw new Error(`test section refuses ${method} for client ${clientId}`);
    }
  }
}

/** What a test needs from inside the app: the registry and the app's own purge job. */
export interface GdprTestHandles {
  registry?: SubjectDataRegistry;
  job?: RetentionPurgeJob;
}

/**
 * The client-record service with `section` registered next to the real sections, and the
 * registry and purge job handed out through `handles`.
 */
export function clientRecordWithTestSection(
  section: TestSubjectDataSection,
  handles: GdprTestHandles,
): ServiceModuleFactory {
  @Injectable()
  class TestSectionRegistration implements OnModuleInit {
    constructor(
      private readonly registry: SubjectDataRegistry,
      private readonly job: RetentionPurgeJob,
    ) {}

    onModuleInit(): void {
      this.registry.register(section);
      handles.registry = this.registry;
      handles.job = this.job;
    }
  }

  @Module({ imports: [GdprModule], providers: [TestSectionRegistration] })
  class TestSectionModule {}

  @Module({})
  class GdprTestRootModule {}

  return (config, logger): DynamicModule => ({
    module: GdprTestRootModule,
    imports: [ClientRecordModule.forRoot(config, logger), TestSectionModule],
  });
}

import { startServiceTestApp, ServiceTestApp } from '@app/platform/test-support/service-test-app';
import { TOPICS } from '@app/contracts';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { CLIENT_RECORD_APP_ROLE } from '../client-record.role';

describe('client-record database role', () => {
  let app: ServiceTestApp;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('runs every pooled connection as the restricted application role', async () => {
    const rows = await app.dataSource.query<{ current_user: string }[]>('SELECT current_user');
    expect(rows[0]?.current_user).toBe(CLIENT_RECORD_APP_ROLE);
  });

  it('may insert and read audit rows but never change, delete or truncate them', async () => {
    await app.dataSource.query(
      `INSERT INTO audit_log (actor_subject, actor_role, record_type, action, correlation_id)
       VALUES ('role-spec', 'head_office_admin', 'client', 'read', 'role-spec')`,
    );
    const before = await app.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_log WHERE actor_subject = 'role-spec'`,
    );
    expect(before[0]?.n).toBe('1');
    await expect(
      app.dataSource.query(
        `UPDATE audit_log SET action = 'create' WHERE actor_subject = 'role-spec'`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      app.dataSource.query(`DELETE FROM audit_log WHERE actor_subject = 'role-spec'`),
    ).rejects.toThrow(/permission denied/);
    await expect(app.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    const after = await app.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_log WHERE actor_subject = 'role-spec'`,
    );
    expect(after).toEqual([{ action: 'read' }]);
  });

  it('may read and write the other tables', async () => {
    await expect(app.dataSource.query('SELECT count(*) FROM client')).resolves.toBeDefined();
    await expect(app.dataSource.query('SELECT count(*) FROM outbox')).resolves.toBeDefined();
  });
});

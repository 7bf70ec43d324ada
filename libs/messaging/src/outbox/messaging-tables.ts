import { SqlRunner } from '../sql';

/** The channel the outbox trigger notifies on commit; the relay LISTENs to it. */
export const OUTBOX_CHANNEL = 'outbox_appended';

/**
 * SQL for the outbox and inbox tables. Each service calls these from one of its own
 * TypeORM migrations, so the tables live in the service's database beside its state.
 */
export const MessagingTables = {
  async up(db: SqlRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox (
        id            bigserial PRIMARY KEY,
        event_id      uuid NOT NULL UNIQUE,
        topic         text NOT NULL,
        message_key   text NOT NULL,
        event_type    text NOT NULL,
        envelope      jsonb NOT NULL,
        headers       jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        published_at  timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
    await db.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER outbox_notify_after_insert AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
    await db.query(`
      CREATE TABLE inbox (
        consumer_group  text NOT NULL,
        event_id        uuid NOT NULL,
        event_type      text NOT NULL,
        topic           text NOT NULL,
        partition       integer NOT NULL,
        message_offset  text NOT NULL,
        processed_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  },

  async down(db: SqlRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS inbox`);
    await db.query(`DROP TRIGGER IF EXISTS outbox_notify_after_insert ON outbox`);
    await db.query(`DROP FUNCTION IF EXISTS outbox_notify()`);
    await db.query(`DROP TABLE IF EXISTS outbox`);
  },
};

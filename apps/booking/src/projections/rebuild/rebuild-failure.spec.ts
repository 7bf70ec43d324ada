import { rebuildFailureMessage } from './rebuild-failure';

const targets = {
  databaseUrl: 'postgres://booking:s3cret@db.internal:5432/booking',
  kafkaBrokers: ['kafka-1:9092', 'kafka-2:9092'],
};

function withCode(code: string, message = `error ${code}`): Error {
  return Object.assign(new Error(message), { code });
}

describe(rebuildFailureMessage.name, () => {
  it('names the database (password hidden) and DATABASE_URL when PostgreSQL cannot be reached', () => {
    const message = rebuildFailureMessage(withCode('ECONNREFUSED'), targets);
    expect(message).toContain('postgres://booking:***@db.internal:5432/booking');
    expect(message).toContain('check DATABASE_URL');
    expect(message).not.toContain('s3cret');
  });

  it('finds the connection error inside an AggregateError (IPv4 and IPv6 both refused)', () => {
    const error = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '');
    expect(rebuildFailureMessage(error, targets)).toContain('could not connect to PostgreSQL');
  });

  it('tells to run the migrations when the database or its tables are missing', () => {
    expect(rebuildFailureMessage(withCode('3D000'), targets)).toContain(
      'node dist/apps/booking/src/main.js migrate',
    );
    expect(
      rebuildFailureMessage(
        withCode('42P01', 'relation "clinic_projection" does not exist'),
        targets,
      ),
    ).toMatch(/clinic_projection.*run `node dist\/apps\/booking\/src\/main.js migrate` first/);
  });

  it('points at the credentials when the login is refused', () => {
    expect(rebuildFailureMessage(withCode('28P01'), targets)).toContain(
      'check the user and password in DATABASE_URL',
    );
  });

  it('names the brokers and KAFKA_BROKERS for a Kafka error', () => {
    const error = Object.assign(new Error('Connection error: connect ECONNREFUSED'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
    });
    const message = rebuildFailureMessage(error, targets);
    expect(message).toContain('kafka-1:9092,kafka-2:9092');
    expect(message).toContain('check KAFKA_BROKERS');
  });

  it("keeps any other error's own message (it already says what to do)", () => {
    expect(rebuildFailureMessage(new Error('events were removed; restore them'), targets)).toBe(
      'events were removed; restore them',
    );
  });
});

import { parseKafkaBrokers } from './kafka-brokers';

describe(parseKafkaBrokers.name, () => {
  it('splits a comma-separated list and trims each broker', () => {
    expect(parseKafkaBrokers(' 127.0.0.1:9092, kafka-2:19092 ,')).toEqual([
      '127.0.0.1:9092',
      'kafka-2:19092',
    ]);
  });

  it('rejects a broker without a port, naming the variable and the expected form', () => {
    expect(() => parseKafkaBrokers('localhost')).toThrow(
      'KAFKA_BROKERS has "localhost": expected host:port',
    );
  });

  it('rejects an empty list', () => {
    expect(() => parseKafkaBrokers(' , ')).toThrow('KAFKA_BROKERS is empty');
  });
});

import { kafkaServerProperties, randomClusterId } from './kafka-server';

function parse(properties: string): Map<string, string> {
  return new Map(
    properties
      .trim()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as [string, string];
      }),
  );
}

describe(kafkaServerProperties.name, () => {
  const properties = parse(
    kafkaServerProperties({ port: 19092, controllerPort: 19093, logDir: '/data/logs' }),
  );

  it('runs one combined broker and controller node in KRaft mode', () => {
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
  });

  it('listens on loopback only, on the given ports', () => {
    expect(properties.get('listeners')).toBe(
      'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
    );
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
  });

  it('suits a single node: replication factor 1, no rebalance delay, no auto-created topics', () => {
    expect(properties.get('offsets.topic.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.min.isr')).toBe('1');
    expect(properties.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(properties.get('auto.create.topics.enable')).toBe('false');
    expect(properties.get('log.dirs')).toBe('/data/logs');
  });
});

describe(randomClusterId.name, () => {
  it('makes a 22-character base64url id that the storage tool cannot mistake for an option', () => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      expect(randomClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    }
  });
});

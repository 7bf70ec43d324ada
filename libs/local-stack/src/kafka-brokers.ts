import { LocalStackError } from './local-stack.error';

/** `KAFKA_BROKERS` (`host:port,host:port`) as a list; throws naming the variable when malformed. */
export function parseKafkaBrokers(value: string, variable = 'KAFKA_BROKERS'): string[] {
  const brokers = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (brokers.length === 0) {
    throw new LocalStackError(
      `${variable} is empty: expected host:port[,host:port...], e.g. 127.0.0.1:9092.`,
    );
  }
  for (const broker of brokers) {
    const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(broker);
    const port = match ? Number(match[2]) : 0;
    if (!match || port < 1 || port > 65_535) {
      throw new LocalStackError(
        `${variable} has "${broker}": expected host:port, e.g. 127.0.0.1:9092.`,
      );
    }
  }
  return brokers;
}

import { logLevel, LogEntry } from 'kafkajs';
import { MessagingLog } from '../messaging-log';

/** Routes kafkajs's own log lines into the platform's structured logger. */
export function kafkajsLogCreator(log: MessagingLog): () => (entry: LogEntry) => void {
  return () =>
    ({ level, log: line, namespace }: LogEntry) => {
      const { message, ...fields } = line;
      const payload = { ...fields, namespace, component: 'kafkajs' };
      switch (level) {
        case logLevel.ERROR:
        case logLevel.NOTHING:
          log.error(payload, message);
          break;
        case logLevel.WARN:
          log.warn(payload, message);
          break;
        case logLevel.INFO:
          log.info(payload, message);
          break;
        case logLevel.DEBUG:
          log.debug(payload, message);
          break;
        default: {
          const unknownLevel: never = level;
          log.warn(payload, `kafkajs log level ${String(unknownLevel)}: ${message}`);
        }
      }
    };
}

import pino, {
  type DestinationStream,
  type LevelWithSilent,
  type Logger,
  type LoggerOptions,
} from 'pino';
import { prettyFactory } from 'pino-pretty';
import { logContextMixin } from './log-context.mixin';

export type LogFormat = 'json' | 'pretty';

export interface CreateLoggerOptions {
  /** Stamped on every line as `service`. */
  readonly service: string;
  readonly level: LevelWithSilent;
  /** json: one object per line (production); pretty: human-readable (development). */
  readonly format: LogFormat;
  /** Where lines go; standard output (written synchronously) when omitted. */
  readonly destination?: DestinationStream;
  /** Colours in pretty format; default: when the terminal supports them (or FORCE_COLOR). */
  readonly colorize?: boolean;
}

/**
 * The platform's one structured logger. Every line carries `service` and, inside
 * runWithContext, `correlationId` (and `causationId`). Both formats write synchronously, so
 * nothing is lost when the process exits right after logging (no worker-thread transport).
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const base: LoggerOptions = {
    level: options.level,
    base: { service: options.service, pid: process.pid },
    mixin: logContextMixin,
  };
  const destination = options.destination ?? pino.destination({ dest: 1, sync: true });

  switch (options.format) {
    case 'json':
      return pino(
        {
          ...base,
          timestamp: pino.stdTimeFunctions.isoTime,
          formatters: { level: (label) => ({ level: label }) },
        },
        destination,
      );
    case 'pretty':
      return pino(base, prettyStream(destination, options.colorize));
    default: {
      const unhandled: never = options.format;
      throw new Error(`unknown log format "${String(unhandled)}": use json or pretty`);
    }
  }
}

/**
 * Formats each JSON line in-process and hands it straight to the destination: synchronous,
 * unlike `transport: { target: 'pino-pretty' }`, whose worker thread can drop the last lines.
 */
function prettyStream(
  destination: DestinationStream,
  colorize: boolean | undefined,
): DestinationStream {
  const prettify = prettyFactory({
    ...(colorize === undefined ? {} : { colorize }),
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service,context,correlationId,causationId',
    messageFormat: (log, messageKey) => {
      const service = typeof log['service'] === 'string' ? log['service'] : '';
      const context = typeof log['context'] === 'string' ? ` [${log['context']}]` : '';
      const cause =
        typeof log['causationId'] === 'string' ? `; caused by ${log['causationId']}` : '';
      const correlation =
        typeof log['correlationId'] === 'string' ? ` (${log['correlationId']}${cause})` : '';
      const message = log[messageKey];
      return `${service}${context}${correlation} ${typeof message === 'string' ? message : ''}`;
    },
  });
  return {
    write(line: string): void {
      destination.write(prettify(line));
    },
  };
}

import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Routes Nest's own logs (bootstrap, routes, exceptions, `new Logger(Ctx).log(...)`) through
 * the platform's pino logger, so they carry `service`, `correlationId` and Nest's context.
 *
 *   const app = await NestFactory.create(AppModule, { bufferLogs: true });
 *   app.useLogger(new PinoNestLogger(logger));
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  /**
   * Nest appends the context (a string) as the last parameter; `error` may also pass a stack
   * string before it: `error(message, stack?, context?)`.
   */
  private write(level: Level, message: unknown, optionalParams: readonly unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) {
      return;
    }
    const params = [...optionalParams];
    const fields: Record<string, unknown> = {};
    const last = params.at(-1);
    if (typeof last === 'string' && !looksLikeStack(last)) {
      fields['context'] = last;
      params.pop();
    }
    const extra: unknown[] = [];
    for (const param of params) {
      if (param === undefined) {
        continue;
      }
      if (typeof param === 'string' && looksLikeStack(param)) {
        fields['stack'] = param;
      } else if (param instanceof Error) {
        fields['err'] = param;
      } else {
        extra.push(param);
      }
    }
    if (extra.length > 0) {
      fields['params'] = extra;
    }

    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function looksLikeStack(text: string): boolean {
  return /\n\s+at /.test(text);
}

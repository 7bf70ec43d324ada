import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { PinoNestLogger } from './pino-nest-logger';
import { PLATFORM_LOGGER } from './platform-logger.token';

/** Makes the app's logger (and its Nest adapter) injectable everywhere. */
@Global()
@Module({})
export class LoggerModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggerModule,
      providers: [
        { provide: PLATFORM_LOGGER, useValue: logger },
        { provide: PinoNestLogger, useValue: new PinoNestLogger(logger) },
      ],
      exports: [PLATFORM_LOGGER, PinoNestLogger],
    };
  }
}

import type { DestinationStream } from 'pino';
import { runWithContext } from '../request-context';
import { createLogger } from './create-logger';
import { PinoNestLogger } from './pino-nest-logger';

function nestLoggerWithLines(level: 'info' | 'trace' = 'trace'): {
  readonly nest: PinoNestLogger;
  readonly lines: () => Array<Record<string, unknown>>;
} {
  const raw: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void raw.push(line) };
  const logger = createLogger({ service: 'booking', level, format: 'json', destination });
  return {
    nest: new PinoNestLogger(logger),
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe(PinoNestLogger.name, () => {
  it("keeps Nest's context as a field", () => {
    const { nest, lines } = nestLoggerWithLines();

    nest.log('Mapped {/graphql, POST} route', 'RouterExplorer');

    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'RouterExplorer',
        msg: 'Mapped {/graphql, POST} route',
      }),
    ]);
  });

  it('separates the stack from the context of an error', () => {
    const { nest, lines } = nestLoggerWithLines();
    const stack = 'Error: boom\n    at handler (app.ts:1:1)';

    nest.error('boom', stack, 'ExceptionsHandler');
    nest.error('no stack', undefined, 'ExceptionsHandler');

    expect(lines()).toEqual([
      expect.objectContaining({ level: 'error', msg: 'boom', stack, context: 'ExceptionsHandler' }),
      expect.objectContaining({ level: 'error', msg: 'no stack', context: 'ExceptionsHandler' }),
    ]);
  });

  it('serialises an Error passed as the message', () => {
    const { nest, lines } = nestLoggerWithLines();

    nest.error(new Error('database gone'), 'TypeOrmModule');

    expect(lines()[0]).toMatchObject({
      msg: 'database gone',
      context: 'TypeOrmModule',
      err: expect.objectContaining({ type: 'Error', message: 'database gone' }),
    });
  });

  it('merges an object message into the line', () => {
    const { nest, lines } = nestLoggerWithLines();

    nest.warn({ msg: 'slow query', ms: 1200 }, 'Repository');

    expect(lines()[0]).toMatchObject({
      level: 'warn',
      msg: 'slow query',
      ms: 1200,
      context: 'Repository',
    });
  });

  it('maps verbose to trace and fatal to fatal, honouring the level', () => {
    const { nest, lines } = nestLoggerWithLines('info');

    nest.verbose('hidden detail', 'InstanceLoader');
    nest.debug('hidden debug');
    nest.fatal('cannot start', 'NestFactory');

    expect(lines()).toEqual([expect.objectContaining({ level: 'fatal', msg: 'cannot start' })]);
  });

  it("carries the request's correlation id on Nest's lines", () => {
    const { nest, lines } = nestLoggerWithLines();

    runWithContext({ correlationId: 'corr-nest' }, () =>
      nest.log('inside a request', 'BookingResolver'),
    );

    expect(lines()[0]).toMatchObject({ correlationId: 'corr-nest', context: 'BookingResolver' });
  });
});

import type { DestinationStream } from 'pino';
import { runWithContext } from '../request-context';
import { createLogger } from './create-logger';

function memoryDestination(): DestinationStream & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

function parsed(lines: readonly string[]): Array<Record<string, unknown>> {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe(createLogger.name, () => {
  it('stamps the correlation id of the current context on a JSON line', () => {
    const destination = memoryDestination();
    const logger = createLogger({ service: 'booking', level: 'info', format: 'json', destination });

    runWithContext({ correlationId: 'corr-123' }, () =>
      logger.info({ bookingId: 'b-1' }, 'booking held'),
    );

    expect(parsed(destination.lines)).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'booking',
        correlationId: 'corr-123',
        bookingId: 'b-1',
        msg: 'booking held',
      }),
    ]);
  });

  it('adds the causation id when the work was caused by an event', () => {
    const destination = memoryDestination();
    const logger = createLogger({
      service: 'notification',
      level: 'info',
      format: 'json',
      destination,
    });

    runWithContext({ correlationId: 'corr-1', causationId: 'event-9' }, () =>
      logger.warn('retrying'),
    );

    expect(parsed(destination.lines)[0]).toMatchObject({
      correlationId: 'corr-1',
      causationId: 'event-9',
    });
  });

  it('writes one parseable JSON object per line with an ISO timestamp', () => {
    const destination = memoryDestination();
    const logger = createLogger({ service: 'gateway', level: 'info', format: 'json', destination });

    logger.info('first');
    logger.error(new Error('boom'), 'second');

    const [first, second] = parsed(destination.lines);
    expect(
      destination.lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n')),
    ).toBe(true);
    expect(first).toMatchObject({ msg: 'first', service: 'gateway' });
    expect(first).not.toHaveProperty('correlationId');
    expect(new Date(String(first?.['time'])).toISOString()).toBe(first?.['time']);
    expect(second).toMatchObject({
      level: 'error',
      err: expect.objectContaining({ message: 'boom' }),
    });
  });

  it('drops lines below the configured level', () => {
    const destination = memoryDestination();
    const logger = createLogger({ service: 'booking', level: 'warn', format: 'json', destination });

    logger.info('hidden');
    logger.warn('shown');

    expect(parsed(destination.lines).map((line) => line['msg'])).toEqual(['shown']);
  });

  it('prints pretty lines with the service and correlation id, synchronously', () => {
    const destination = memoryDestination();
    const logger = createLogger({
      service: 'booking',
      level: 'info',
      format: 'pretty',
      destination,
      colorize: false,
    });

    runWithContext({ correlationId: 'corr-42' }, () =>
      logger.info({ context: 'OutboxRelay' }, 'published 3'),
    );

    expect(destination.lines).toHaveLength(1);
    expect(destination.lines[0]).toMatch(/INFO.*booking \[OutboxRelay\] \(corr-42\) published 3/);
    expect(() => void JSON.parse(destination.lines[0] ?? '')).toThrow();
  });
});

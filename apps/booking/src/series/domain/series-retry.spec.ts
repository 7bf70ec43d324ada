import { QueryFailedError } from 'typeorm';
import { conflictDecision, SERIES_TRANSACTION_ATTEMPTS } from './series-retry';

/** What the pg driver throws, as TypeORM wraps it. */
function queryFailed(code: string, constraint?: string): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO booking ...',
    [],
    Object.assign(new Error(code), {
      code,
      constraint,
    }),
  );
}

const lowest = (): number => 0;
const highest = (): number => 0.999_999;

describe('conflictDecision', () => {
  it('retries a deadlock and a serialization failure after a short jittered pause', () => {
    expect(conflictDecision(queryFailed('40P01'), 1, lowest)).toEqual({
      action: 'retry',
      delayMs: 25,
    });
    expect(conflictDecision(queryFailed('40001'), 1, highest)).toEqual({
      action: 'retry',
      delayMs: 50,
    });
  });

  it('waits longer on each later attempt', () => {
    expect(conflictDecision(queryFailed('40P01'), 2, lowest)).toEqual({
      action: 'retry',
      delayMs: 50,
    });
    expect(conflictDecision(queryFailed('40P01'), 3, highest)).toEqual({
      action: 'retry',
      delayMs: 200,
    });
  });

  it('recognises the bare driver error too', () => {
    expect(conflictDecision({ code: '40P01' }, 1, lowest)).toMatchObject({ action: 'retry' });
  });

  it('gives up once the attempts are spent', () => {
    expect(conflictDecision(queryFailed('40P01'), SERIES_TRANSACTION_ATTEMPTS, lowest)).toEqual({
      action: 'give_up',
    });
  });

  it.each([
    ['an exclusion violation (a slot taken: reported per date)', queryFailed('23P01', 'x')],
    ['a unique violation', queryFailed('23505')],
    ['a domain error', Object.assign(new Error('taken'), { code: 'SLOT_UNAVAILABLE' })],
    ['a plain error', new Error('boom')],
    ['a non-error', 'boom'],
  ])('rethrows %s', (_name, error) => {
    expect(conflictDecision(error, 1, lowest)).toEqual({ action: 'rethrow' });
  });
});

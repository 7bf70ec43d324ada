import { isStale, stampOf } from './event-stamp';

describe(isStale.name, () => {
  const at = (iso: string): Date => new Date(iso);

  it('applies an event to a row that reflects no event yet', () => {
    expect(isStale(at('2026-03-01T10:00:00Z'), null)).toBe(false);
    expect(isStale(at('2026-03-01T10:00:00Z'), undefined)).toBe(false);
  });

  it('ignores an event older than the one the row reflects', () => {
    expect(isStale(at('2026-03-01T09:59:59.999Z'), at('2026-03-01T10:00:00Z'))).toBe(true);
  });

  it('applies an event that happened at the same instant, in topic order', () => {
    expect(isStale(at('2026-03-01T10:00:00Z'), at('2026-03-01T10:00:00Z'))).toBe(false);
  });

  it('applies a newer event', () => {
    expect(isStale(at('2026-03-01T10:00:01Z'), at('2026-03-01T10:00:00Z'))).toBe(false);
  });
});

describe(stampOf.name, () => {
  it('reads occurredAt with its offset as an instant', () => {
    expect(
      stampOf({ eventId: 'e1', occurredAt: '2026-03-29T02:30:00+01:00' }).occurredAt.toISOString(),
    ).toBe('2026-03-29T01:30:00.000Z');
  });
});

import fc from 'fast-check';
import { Interval, intersect, isFree, normalise, subtract } from './utc-intervals';

const iv = (start: number, end: number): Interval => ({ start, end });

/** Intervals over a small integer line, so a brute-force set of points is the oracle. */
const intervals = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }))
    .map(([s, l]) => iv(s, s + l)),
  { maxLength: 8 },
);

function points(list: readonly Interval[]): Set<number> {
  const set = new Set<number>();
  for (const { start, end } of list) {
    for (let p = start; p < end; p++) {
      set.add(p);
    }
  }
  return set;
}

function isNormal(list: readonly Interval[]): boolean {
  return list.every((x, i) => x.start < x.end && (i === 0 || list[i - 1].end < x.start));
}

describe(normalise.name, () => {
  it('merges overlapping and touching intervals and drops empty ones', () => {
    expect(normalise([iv(5, 7), iv(0, 2), iv(2, 3), iv(4, 4), iv(6, 9)])).toEqual([
      iv(0, 3),
      iv(5, 9),
    ]);
  });

  it('keeps the same time, sorted and disjoint', () => {
    fc.assert(
      fc.property(intervals, (list) => {
        const result = normalise(list);
        expect(isNormal(result)).toBe(true);
        expect(points(result)).toEqual(points(list));
      }),
    );
  });
});

describe(intersect.name, () => {
  it('keeps the time in both', () => {
    expect(intersect([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
  });

  it('matches a point-by-point intersection', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        const expected = [...points(a)].filter((p) => points(b).has(p));
        expect(points(intersect(normalise(a), normalise(b)))).toEqual(new Set(expected));
      }),
    );
  });
});

describe(subtract.name, () => {
  it('cuts out the removed time, also across several intervals', () => {
    expect(subtract([iv(0, 10), iv(20, 30)], [iv(2, 3), iv(8, 22)])).toEqual([
      iv(0, 2),
      iv(3, 8),
      iv(22, 30),
    ]);
  });

  it('matches a point-by-point difference', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        const expected = [...points(a)].filter((p) => !points(b).has(p));
        const result = subtract(normalise(a), normalise(b));
        expect(isNormal(result)).toBe(true);
        expect(points(result)).toEqual(new Set(expected));
      }),
    );
  });
});

describe(isFree.name, () => {
  it('is free up to the start of busy time and from its end', () => {
    const busy = [iv(10, 20), iv(30, 40)];

    expect(isFree(busy, 0, 10)).toBe(true);
    expect(isFree(busy, 20, 30)).toBe(true);
    expect(isFree(busy, 19, 21)).toBe(false);
    expect(isFree(busy, 25, 45)).toBe(false);
    expect(isFree([], 0, 100)).toBe(true);
  });

  it('matches a point-by-point check', () => {
    fc.assert(
      fc.property(
        intervals,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 1, max: 20 }),
        (busy, start, length) => {
          const taken = points(busy);
          const expected = Array.from({ length }, (_, i) => start + i).every((p) => !taken.has(p));
          expect(isFree(normalise(busy), start, start + length)).toBe(expected);
        },
      ),
    );
  });
});

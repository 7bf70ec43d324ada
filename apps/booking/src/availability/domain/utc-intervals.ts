/** A half-open span of time [start, end) in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/**
 * The same time as a sorted list of disjoint intervals: empty ones dropped, overlapping and
 * touching ones merged (09:00–13:00 and 13:00–17:00 become 09:00–17:00).
 */
export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      if (interval.end > last.end) {
        merged[merged.length - 1] = { start: last.start, end: interval.end };
      }
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/** The time in both lists; each must be normalised. Linear in their lengths. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) {
      result.push({ start, end });
    }
    if (x.end < y.end) {
      i++;
    } else {
      j++;
    }
  }
  return result;
}

/** The time in `from` that is not in `remove`; both must be normalised. Linear. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let j = 0;
  for (const interval of from) {
    let start = interval.start;
    while (j < remove.length && remove[j].end <= start) {
      j++;
    }
    let k = j;
    while (k < remove.length && remove[k].start < interval.end) {
      const cut = remove[k];
      if (cut.start > start) {
        result.push({ start, end: cut.start });
      }
      start = Math.max(start, cut.end);
      k++;
    }
    if (start < interval.end) {
      result.push({ start, end: interval.end });
    }
  }
  return result;
}

/**
 * True when [start, end) overlaps nothing in `busy` (normalised, so its ends are sorted
 * too): a binary search for the first busy interval ending after `start`.
 */
export function isFree(busy: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (busy[mid].end <= start) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo === busy.length || busy[lo].start >= end;
}

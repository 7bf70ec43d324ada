import fc from 'fast-check';
import type {
  AvailabilityCertification,
  AvailabilityQuery,
  AvailabilityShift,
  AvailabilityTherapist,
  BusyPeriod,
  UtcPeriod,
} from './availability-query';
import type { AvailableSlot } from './available-slot';
import { WEEKDAYS, Weekday } from './calendar-date';
import { findAvailableSlots } from './find-available-slots';
import type { WallTimeRange } from './wall-time';

/*
 * Property tests against an independent oracle: wall-clock conversions here use Intl
 * directly (therapist-roster's algorithm, written again), and every rule is checked
 * point by point, never with the interval arithmetic under test. Generated times are
 * multiples of 5 minutes and zone offsets multiples of 15, so checking every 5-minute step
 * of a span is exact.
 */

const MINUTE = 60_000;
const STEP = 5 * MINUTE;
const DAY = 24 * 60 * MINUTE;

// ---------------------------------------------------------------- oracle: time

const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(instant: number, zone: string): number[] {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p = f.formatToParts(new Date(instant));
  const get = (type: string): number => Number(p.find((x) => x.type === type)?.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute')];
}

/** Wall clock of an instant: date, minutes after midnight, offset in ms. */
function wallOf(instant: number, zone: string): { date: string; minutes: number; offset: number } {
  const [y, mo, d, h, mi] = parts(instant, zone) as [number, number, number, number, number];
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  return {
    date: new Date(wallAsUtc).toISOString().slice(0, 10),
    minutes: h * 60 + mi,
    offset: wallAsUtc - Math.floor(instant / MINUTE) * MINUTE,
  };
}

/** Roster's zonedTimeToUtc: earlier instant when repeated, forward by the gap when skipped. */
function compatibleUtc(date: string, minutes: number, zone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
  const before = wallOf(wall - DAY, zone).offset;
  const after = wallOf(wall + DAY, zone).offset;
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((instant) => wall - wallOf(instant, zone).offset === instant)
    .sort((a, b) => a - b);
  return candidates[0] ?? wall - before;
}

function label(instant: number, zone: string): string {
  return new Date(instant + wallOf(instant, zone).offset).toISOString().slice(0, 16);
}

function datesOf(from: string, to: string): string[] {
  const result: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY) {
    result.push(new Date(d).toISOString().slice(0, 10));
  }
  return result;
}

function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
}

/** Hours and shifts of the day after the range count for a slot running past midnight. */
const dayAfter = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

const toMinutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

// ---------------------------------------------------------------- oracle: rules

type Span = readonly [number, number];

function spansOf(ranges: readonly WallTimeRange[], date: string, zone: string): Span[] {
  return ranges.map((r) => [
    compatibleUtc(date, toMinutes(r.start), zone),
    compatibleUtc(date, toMinutes(r.end), zone),
  ]);
}

function openingSpans(q: AvailabilityQuery): Span[] {
  return datesOf(q.range.fromDate, dayAfter(q.range.toDate)).flatMap((date) => {
    const exception = q.clinic.hoursExceptions.find((e) => e.date === date);
    const ranges = exception ? exception.ranges : q.clinic.weeklyHours[weekdayOf(date)];
    return spansOf(ranges, date, q.clinic.timezone);
  });
}

function shiftSpans(q: AvailabilityQuery, therapist: AvailabilityTherapist): Span[] {
  return datesOf(q.range.fromDate, dayAfter(q.range.toDate)).flatMap((date) =>
    spansOf(
      therapist.shifts.filter(
        (s) =>
          s.weekday === weekdayOf(date) &&
          s.effectiveFrom <= date &&
          (s.effectiveTo === null || date <= s.effectiveTo),
      ),
      date,
      q.clinic.timezone,
    ),
  );
}

/** Every 5-minute step of [start, end) lies in some span. */
function covered(spans: readonly Span[], start: number, end: number): boolean {
  for (let p = start; p < end; p += STEP) {
    if (!spans.some(([s, e]) => s <= p && p < e)) {
      return false;
    }
  }
  return true;
}

function overlaps(periods: readonly UtcPeriod[], start: number, end: number): boolean {
  return periods.some((p) => p.startsAt.getTime() < end && start < p.endsAt.getTime());
}

function certifiedOn(
  q: AvailabilityQuery,
  therapist: AvailabilityTherapist,
  date: string,
): boolean {
  return q.treatment.requiredCertifications.every((type) =>
    therapist.certifications.some(
      (c) =>
        c.type === type &&
        c.verified &&
        c.issuedOn <= date &&
        (c.expiresOn === null || date < c.expiresOn) &&
        (c.revokedOn === null || date < c.revokedOn),
    ),
  );
}

interface Verdict {
  readonly broken: string[];
  /** The room the rules pick: the first active room by id free for the whole span. */
  readonly room: string | undefined;
}

type Judge = (therapist: AvailabilityTherapist, start: number) => Verdict;

/** Which rules a start of a therapist at an instant breaks, each checked on its own. */
function judgeFor(q: AvailabilityQuery): Judge {
  const opening = openingSpans(q);
  const shifts = new Map(q.therapists.map((t) => [t.id, shiftSpans(q, t)]));
  return (therapist, start) => judge(q, opening, shifts.get(therapist.id) ?? [], therapist, start);
}

function judge(
  q: AvailabilityQuery,
  opening: readonly Span[],
  shifts: readonly Span[],
  therapist: AvailabilityTherapist,
  start: number,
): Verdict {
  const zone = q.clinic.timezone;
  const occupiedEnd =
    start + (q.treatment.durationMinutes + q.treatment.bufferAfterMinutes) * MINUTE;
  const wall = wallOf(start, zone);
  const broken: string[] = [];
  if (wall.minutes % (q.slotGridMinutes ?? 15) !== 0) {
    broken.push('off the grid');
  }
  if (start < q.now.getTime() + (q.minimumNoticeMinutes ?? 120) * MINUTE) {
    broken.push('within the notice');
  }
  if (wall.date < q.range.fromDate || wall.date > q.range.toDate) {
    broken.push('outside the range');
  }
  if (!covered(opening, start, occupiedEnd)) {
    broken.push('outside opening hours');
  }
  if (!covered(shifts, start, occupiedEnd)) {
    broken.push('outside the shifts');
  }
  if (overlaps(therapist.timeOff, start, occupiedEnd)) {
    broken.push('in time off');
  }
  if (
    overlaps(
      q.busy.filter((b) => b.therapistId === therapist.id),
      start,
      occupiedEnd,
    )
  ) {
    broken.push('therapist busy');
  }
  if (!certifiedOn(q, therapist, wall.date)) {
    broken.push('not certified');
  }
  if (therapist.leftOn !== null && wall.date >= therapist.leftOn) {
    broken.push('has left');
  }
  const room = q.rooms
    .filter((r) => r.active)
    .map((r) => r.id)
    .sort()
    .find(
      (id) =>
        !overlaps(
          q.busy.filter((b) => b.roomId === id),
          start,
          occupiedEnd,
        ),
    );
  if (room === undefined) {
    broken.push('no free room');
  }
  return { broken, room };
}

/** Every bookable slot, found by trying every 15-minute instant of the range. */
function bruteForce(q: AvailabilityQuery): string[] {
  const zone = q.clinic.timezone;
  const first = compatibleUtc(q.range.fromDate, 0, zone) - DAY;
  const last = compatibleUtc(q.range.toDate, 24 * 60, zone) + DAY;
  const therapists = q.therapists
    .filter((t) => q.therapistId === undefined || t.id === q.therapistId)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const judge = judgeFor(q);
  const result: string[] = [];
  for (let t = Math.ceil(first / (15 * MINUTE)) * 15 * MINUTE; t < last; t += 15 * MINUTE) {
    for (const therapist of therapists) {
      const { broken, room } = judge(therapist, t);
      if (broken.length === 0) {
        result.push(`${new Date(t).toISOString()} ${therapist.id} ${room}`);
      }
    }
  }
  return result;
}

const keyOf = (s: AvailableSlot): string => `${s.startsAt} ${s.therapistId}`;

// ---------------------------------------------------------------- generators

const SCENES: readonly { zone: string; dates: readonly string[] }[] = [
  { zone: 'Europe/London', dates: ['2026-03-29', '2026-10-25', '2027-03-28', '2026-07-01'] },
  { zone: 'America/New_York', dates: ['2026-03-08', '2026-11-01'] },
  { zone: 'Australia/Lord_Howe', dates: ['2026-10-04', '2026-04-05'] },
];

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const pad = (n: number): string => String(n).padStart(2, '0');
const quarterTime = (q: number): string => `${pad(Math.floor(q / 4))}:${pad((q % 4) * 15)}`;

const wallRange: fc.Arbitrary<WallTimeRange> = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .map(([a, b]) => (a < b ? [a, b] : [b - 1, a + 1]))
  .map(([a, b]) => ({ start: quarterTime(a), end: quarterTime(b) }));

/** `usual` three times in four, else `other`. */
function usually<T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: other });
}

const CURRENT = { issuedOn: '2020-01-01', expiresOn: null, revokedOn: null, verified: true };

/** `value` three times in four, else its opposite. */
const mostly = (value: boolean): fc.Arbitrary<boolean> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(value) },
    { weight: 1, arbitrary: fc.constant(!value) },
  );

const dayRanges: fc.Arbitrary<WallTimeRange[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<WallTimeRange[]>([{ start: '00:00', end: '24:00' }]) },
  { weight: 3, arbitrary: fc.array(wallRange, { maxLength: 2 }) },
);

function queryArbitrary(): fc.Arbitrary<AvailabilityQuery> {
  return fc
    .record({
      scene: fc.constantFrom(...SCENES),
      pick: fc.nat(),
      shiftBy: fc.integer({ min: -1, max: 0 }),
      days: fc.integer({ min: 1, max: 3 }),
    })
    .chain(({ scene, pick, shiftBy, days }) => {
      const base = scene.dates[pick % scene.dates.length];
      const fromDate = addDays(base, shiftBy);
      const toDate = addDays(fromDate, days - 1);
      const rangeWeekdays = datesOf(fromDate, toDate).map(weekdayOf);
      const around = fc.integer({ min: -2, max: days + 1 }).map((d) => addDays(fromDate, d));
      const origin = Date.parse(`${fromDate}T00:00:00Z`) - DAY;
      const instant = fc.integer({ min: 0, max: (days + 2) * 288 }).map((k) => origin + k * STEP);
      const period: fc.Arbitrary<UtcPeriod> = fc
        .tuple(instant, fc.integer({ min: 1, max: 96 }))
        .map(([s, l]) => ({ startsAt: new Date(s), endsAt: new Date(s + l * STEP) }));
      const shift: fc.Arbitrary<AvailabilityShift> = fc
        .record({
          weekday: usually(fc.constantFrom(...rangeWeekdays), fc.constantFrom(...WEEKDAYS)),
          range: fc.oneof(fc.constant({ start: '00:00', end: '24:00' }), wallRange),
          effectiveFrom: usually(fc.constant('2020-01-01'), around),
          effectiveTo: usually(fc.constant(null), around),
        })
        .map(({ range, ...s }) => ({ ...s, start: range.start, end: range.end }));
      const cert: fc.Arbitrary<AvailabilityCertification> = fc.record({
        type: fc.constantFrom('pnf_level_1', 'first_aid'),
        issuedOn: usually(fc.constant('2020-01-01'), around),
        expiresOn: usually(fc.constant(null), around),
        revokedOn: usually(fc.constant(null), around),
        verified: mostly(true),
      });
      const therapist = (id: string): fc.Arbitrary<AvailabilityTherapist> =>
        fc.record({
          id: fc.constant(id),
          shifts: fc.array(shift, { maxLength: 8 }),
          timeOff: fc.array(period, { maxLength: 2 }),
          leftOn: usually(fc.constant(null), around),
          certifications: usually(
            fc.constant<AvailabilityCertification[]>([
              { ...CURRENT, type: 'pnf_level_1' },
              { ...CURRENT, type: 'first_aid' },
            ]),
            fc.array(cert, { maxLength: 3 }),
          ),
        });
      return fc
        .record({
          rooms: fc.uniqueArray(
            fc.record({ id: fc.constantFrom('r1', 'r2', 'r3'), active: mostly(true) }),
            { minLength: 1, maxLength: 3, selector: (r) => r.id },
          ),
          therapistIds: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), {
            minLength: 1,
            maxLength: 3,
          }),
          weekly: fc.tuple(...WEEKDAYS.map(() => dayRanges)),
          exceptions: fc.uniqueArray(
            fc.record({ date: around, ranges: fc.array(wallRange, { maxLength: 2 }) }),
            { maxLength: 2, selector: (e) => e.date },
          ),
          durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
          bufferAfterMinutes: fc.constantFrom(0, 5, 15),
          required: fc.subarray(['pnf_level_1', 'first_aid']),
          now: usually(fc.constant(origin), instant),
          notice: fc.option(fc.constantFrom(0, 60, 120)),
          grid: fc.option(fc.constantFrom(15, 30, 60)),
          only: usually(fc.constant(null), fc.constantFrom('t1', 't2', 't4')),
        })
        .chain((r) =>
          fc
            .record({
              therapists: fc.tuple(...r.therapistIds.map(therapist)),
              busy: fc.array(
                fc.record({
                  period,
                  therapistId: fc.constantFrom<string | null>(...r.therapistIds, null, 'tx'),
                  roomId: fc.constantFrom<string | null>('r1', 'r2', 'r3', null, 'rx'),
                }),
                { maxLength: 10 },
              ),
            })
            .map(({ therapists, busy }): AvailabilityQuery => {
              const q: AvailabilityQuery = {
                clinic: {
                  timezone: scene.zone,
                  weeklyHours: Object.fromEntries(
                    WEEKDAYS.map((day, i) => [day, r.weekly[i] ?? []]),
                  ) as Record<Weekday, WallTimeRange[]>,
                  hoursExceptions: r.exceptions,
                },
                rooms: r.rooms,
                treatment: {
                  id: 'treatment',
                  durationMinutes: r.durationMinutes,
                  bufferAfterMinutes: r.bufferAfterMinutes,
                  requiredCertifications: r.required,
                },
                therapists,
                busy: busy.map((b): BusyPeriod => ({
                  ...b.period,
                  therapistId: b.therapistId,
                  roomId: b.roomId,
                })),
                range: { fromDate, toDate },
                now: new Date(r.now),
              };
              return {
                ...q,
                ...(r.notice === null ? {} : { minimumNoticeMinutes: r.notice }),
                ...(r.grid === null ? {} : { slotGridMinutes: r.grid }),
                ...(r.only === null ? {} : { therapistId: r.only }),
              };
            }),
        );
    });
}

const queries = queryArbitrary();
const RUNS = { numRuns: 150 };

// ---------------------------------------------------------------- properties

describe(`${findAvailableSlots.name} (properties)`, () => {
  it('returns only slots that satisfy every rule, each checked on its own', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const judge = judgeFor(q);
        for (const slot of findAvailableSlots(q)) {
          const therapist = q.therapists.find((t) => t.id === slot.therapistId);
          expect(therapist).toBeDefined();
          expect(q.therapistId === undefined || q.therapistId === slot.therapistId).toBe(true);
          const verdict = judge(therapist as AvailabilityTherapist, Date.parse(slot.startsAt));
          expect({ slot: slot.startsAt, broken: verdict.broken }).toEqual({
            slot: slot.startsAt,
            broken: [],
          });
          expect(slot.roomId).toBe(verdict.room);
          expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(
            q.treatment.durationMinutes * MINUTE,
          );
        }
      }),
      RUNS,
    );
  });

  it('returns every slot a brute-force search over the range finds, in order', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const found = findAvailableSlots(q).map(
          (s) => `${s.startsAt} ${s.therapistId} ${s.roomId}`,
        );
        expect(found).toEqual(bruteForce(q));
      }),
      RUNS,
    );
  });

  it('never adds a slot when a busy period is added', () => {
    const extra = fc.record({
      at: fc.integer({ min: -288, max: 4 * 288 }),
      length: fc.integer({ min: 1, max: 48 }),
      therapistId: fc.constantFrom<string | null>('t1', 't2', 't3', null),
      roomId: fc.constantFrom<string | null>('r1', 'r2', 'r3', null),
    });
    fc.assert(
      fc.property(queries, extra, (q, e) => {
        const start = Date.parse(`${q.range.fromDate}T00:00:00Z`) + e.at * STEP;
        const more: BusyPeriod = {
          startsAt: new Date(start),
          endsAt: new Date(start + e.length * STEP),
          therapistId: e.therapistId,
          roomId: e.roomId,
        };
        const before = new Set(findAvailableSlots(q).map(keyOf));
        const after = findAvailableSlots({ ...q, busy: [...q.busy, more] }).map(keyOf);
        expect(after.filter((key) => !before.has(key))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never removes a slot when time off is removed', () => {
    fc.assert(
      fc.property(
        queries.filter((q) => q.therapists.some((t) => t.timeOff.length > 0)),
        (q) => {
          const fewer = q.therapists.map((t) => ({ ...t, timeOff: t.timeOff.slice(1) }));
          const after = new Set(findAvailableSlots({ ...q, therapists: fewer }).map(keyOf));
          expect(findAvailableSlots(q).filter((s) => !after.has(keyOf(s)))).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('offers at most one slot per therapist and start, sorted by start then therapist', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const slots = findAvailableSlots(q);
        expect(new Set(slots.map(keyOf)).size).toBe(slots.length);
        for (let i = 1; i < slots.length; i++) {
          const [a, b] = [slots[i - 1], slots[i]];
          expect(
            a.startsAt < b.startsAt || (a.startsAt === b.startsAt && a.therapistId < b.therapistId),
          ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('starts every slot on the grid of the clinic wall clock, labelled as the clock reads', () => {
    fc.assert(
      fc.property(queries, (q) => {
        const zone = q.clinic.timezone;
        for (const slot of findAvailableSlots(q)) {
          const start = Date.parse(slot.startsAt);
          expect(slot.localStart).toBe(label(start, zone));
          expect(slot.localEnd).toBe(label(Date.parse(slot.endsAt), zone));
          expect(toMinutes(slot.localStart.slice(11)) % (q.slotGridMinutes ?? 15)).toBe(0);
        }
      }),
      RUNS,
    );
  });
});

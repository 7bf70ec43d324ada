import { expandPatterns } from './roster-expansion';
import { aSchedule, aShift } from './schedule.fixtures';
import { subtractTimeOff } from './time-off-subtraction';

const monday = expandPatterns([aShift()], aSchedule(), '2026-07-06', '2026-07-06'); // 08:00Z–16:00Z
const off = (startsAt: string, endsAt: string, therapistId = 'therapist-1') => ({
  therapistId,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
});
const local = (shifts: ReturnType<typeof subtractTimeOff>) =>
  shifts.map((s) => `${s.date} ${s.localStart}–${s.localEnd}`);

describe(subtractTimeOff.name, () => {
  it('removes a shift wholly inside the time off', () => {
    expect(subtractTimeOff(monday, [off('2026-07-05T23:00:00Z', '2026-07-06T23:00:00Z')])).toEqual(
      [],
    );
  });

  it('cuts a shift in two around time off in the middle of it', () => {
    const pieces = subtractTimeOff(monday, [off('2026-07-06T10:00:00Z', '2026-07-06T12:00:00Z')]);
    expect(local(pieces)).toEqual(['2026-07-06 09:00–11:00', '2026-07-06 13:00–17:00']);
    expect(pieces.map((p) => p.startsAt.toISOString())).toEqual([
      '2026-07-06T08:00:00.000Z',
      '2026-07-06T12:00:00.000Z',
    ]);
  });

  it('shortens a shift overlapped at one end (a partial day off)', () => {
    expect(
      local(subtractTimeOff(monday, [off('2026-07-06T12:00:00Z', '2026-07-06T18:00:00Z')])),
    ).toEqual(['2026-07-06 09:00–13:00']);
  });

  it('applies several absences to one shift', () => {
    const pieces = subtractTimeOff(monday, [
      off('2026-07-06T07:00:00Z', '2026-07-06T09:00:00Z'),
      off('2026-07-06T14:00:00Z', '2026-07-06T20:00:00Z'),
    ]);
    expect(local(pieces)).toEqual(['2026-07-06 10:00–15:00']);
  });

  it("leaves shifts alone when the time off is another therapist's or does not touch them", () => {
    expect(
      local(
        subtractTimeOff(monday, [off('2026-07-06T08:00:00Z', '2026-07-06T16:00:00Z', 'other')]),
      ),
    ).toEqual(['2026-07-06 09:00–17:00']);
    expect(
      local(subtractTimeOff(monday, [off('2026-07-06T16:00:00Z', '2026-07-06T18:00:00Z')])),
    ).toEqual(['2026-07-06 09:00–17:00']);
  });
});

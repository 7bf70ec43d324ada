import { partitionsMissingHistory, ReplayPosition } from './replay-position';

const ROSTER = 'roster.events.v1';
const CLIENTS = 'client-record.events.v1';

function position(): ReplayPosition {
  return new ReplayPosition(
    new Map([
      [
        ROSTER,
        [
          { partition: 0, low: '0', high: '3' },
          { partition: 1, low: '5', high: '5' },
        ],
      ],
      [CLIENTS, [{ partition: 0, low: '2', high: '4' }]],
    ]),
  );
}

describe(ReplayPosition.name, () => {
  it('counts an empty partition, or one emptied by retention, as caught up from the start', () => {
    const replay = new ReplayPosition(new Map([[ROSTER, [{ partition: 1, low: '5', high: '5' }]]]));
    expect(replay.isCaughtUp()).toBe(true);
  });

  it('is caught up only once every partition reached the end offsets read at the start', () => {
    const replay = position();
    for (const offset of ['0', '1', '2']) {
      replay.passed(ROSTER, 0, offset);
    }
    expect(replay.isCaughtUp()).toBe(false);
    expect(replay.behind()).toEqual([`${CLIENTS}[0] at 2 of 4`]);
    replay.passed(CLIENTS, 0, '2');
    replay.passed(CLIENTS, 0, '3');
    expect(replay.isCaughtUp()).toBe(true);
  });

  it('leaves messages written after the replay started to the live consumer', () => {
    const replay = position();
    expect(replay.verdict(ROSTER, 0, '2')).toBe('apply');
    expect(replay.verdict(ROSTER, 0, '3')).toBe('beyond_end');
    expect(replay.verdict(ROSTER, 7, '0')).toBe('beyond_end');
  });

  it('does not move back when a message is delivered again', () => {
    const replay = position();
    replay.passed(CLIENTS, 0, '3');
    replay.passed(CLIENTS, 0, '2');
    expect(replay.behind()).toEqual([`${ROSTER}[0] at 0 of 3`]);
  });

  it('totals the messages to read per topic', () => {
    expect(position().totalsByTopic()).toEqual(
      new Map([
        [ROSTER, 3n],
        [CLIENTS, 2n],
      ]),
    );
  });
});

describe(partitionsMissingHistory.name, () => {
  it('names every partition whose oldest offset is above 0 (events lost to retention)', () => {
    expect(
      partitionsMissingHistory(
        new Map([
          [
            ROSTER,
            [
              { partition: 0, low: '0', high: '3' },
              { partition: 1, low: '5', high: '5' },
            ],
          ],
          [CLIENTS, [{ partition: 0, low: '2', high: '4' }]],
        ]),
      ),
    ).toEqual([`${ROSTER}[1] starts at offset 5`, `${CLIENTS}[0] starts at offset 2`]);
  });

  it('finds nothing missing when every partition starts at 0, empty or not', () => {
    expect(
      partitionsMissingHistory(
        new Map([
          [
            ROSTER,
            [
              { partition: 0, low: '0', high: '3' },
              { partition: 1, low: '0', high: '0' },
            ],
          ],
        ]),
      ),
    ).toEqual([]);
  });
});

import type { Tx } from '@app/database';
import type { MessageBus, PartitionOffsets, TopicOffsetsReader } from '@app/messaging';
import type { EventReplayer } from './event-replayer';
import type { ProjectionRebuildRepository } from './projection-rebuild.repository';
import { IncompleteEventLogError, ProjectionRebuildService } from './projection-rebuild.service';

const ROSTER = 'roster.events.v1';
const CLIENTS = 'client-record.events.v1';

function serviceWith(offsets: Record<string, readonly PartitionOffsets[]>) {
  const statements: string[] = [];
  const tx = {
    query: (sql: string) => {
      statements.push(sql);
      return Promise.resolve([]);
    },
  } as unknown as Tx;
  let outcome: 'committed' | 'rolled back' | undefined;
  const repository = {
    // As the real one: work runs in the transaction; a throw rolls it back.
    inEmptiedProjection: async <T>(work: (tx: Tx) => Promise<T>): Promise<T> => {
      try {
        const result = await work(tx);
        outcome = 'committed';
        return result;
      } catch (error) {
        outcome = 'rolled back';
        throw error;
      }
    },
    tables: () => ['clinic_projection'],
  } as unknown as ProjectionRebuildRepository;
  const replay = jest.fn(() => Promise.resolve({ topics: [], failures: [] }));
  const replayer = {
    topics: () => [CLIENTS, ROSTER],
    replay,
  } as unknown as EventReplayer<Tx>;
  const bus = {
    topicOffsets: (topic: string) => Promise.resolve(offsets[topic] ?? []),
  } as unknown as MessageBus & TopicOffsetsReader;
  return {
    service: new ProjectionRebuildService(repository, replayer, bus),
    replay,
    outcome: () => outcome,
  };
}

describe(ProjectionRebuildService.name, () => {
  it('aborts with a clear error, replaying and committing nothing, when retention removed events', async () => {
    const { service, replay, outcome } = serviceWith({
      [ROSTER]: [
        { partition: 0, low: '0', high: '10' },
        { partition: 1, low: '7', high: '12' },
      ],
      [CLIENTS]: [{ partition: 0, low: '0', high: '4' }],
    });
    const rebuilt = service.rebuild();
    await expect(rebuilt).rejects.toBeInstanceOf(IncompleteEventLogError);
    await expect(rebuilt).rejects.toThrow(
      /cannot rebuild the projections.*roster\.events\.v1\[1\] starts at offset 7.*Nothing was changed/,
    );
    expect(replay).not.toHaveBeenCalled();
    expect(outcome()).toBe('rolled back');
  });

  it('replays and commits when every partition still holds its whole history', async () => {
    const { service, replay, outcome } = serviceWith({
      [ROSTER]: [{ partition: 0, low: '0', high: '10' }],
      [CLIENTS]: [{ partition: 0, low: '0', high: '0' }],
    });
    await service.rebuild();
    expect(replay).toHaveBeenCalledTimes(1);
    expect(outcome()).toBe('committed');
  });
});

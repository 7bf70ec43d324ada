import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { MessageBus, PartitionOffsets, TopicOffsetsReader } from '@app/messaging';
import { EVENT_CONSUMER, MESSAGE_BUS } from '@app/platform/platform.tokens';
import { EventReplayer, ReplayReport, TopicReplayCounts } from './event-replayer';
import { ProjectionRebuildRepository } from './projection-rebuild.repository';
import { partitionsMissingHistory } from './replay-position';

/** The rebuild refused to run: events are gone from a topic, so the result would be partial. */
export class IncompleteEventLogError extends Error {
  constructor(readonly partitions: readonly string[]) {
    super(
      `cannot rebuild the projections: events before the oldest offset were removed from ${partitions.join(', ')} ` +
        '(Kafka retention or a deletion), so a replay would rebuild from part of the history. ' +
        'Nothing was changed. The event log is the source of truth for the projections: keep ' +
        'these topics with retention.ms=-1 and restore the missing events before rebuilding.',
    );
    this.name = 'IncompleteEventLogError';
  }
}

export interface RebuildOptions {
  /** Defaults to a fresh `booking-projection-rebuild-<uuid>`: a new group reads from the start. */
  readonly groupId?: string;
  readonly idleTimeoutMs?: number;
  readonly progressEvery?: number;
  readonly onProgress?: (counts: readonly TopicReplayCounts[]) => void;
}

export interface RebuildReport extends ReplayReport {
  readonly groupId: string;
  readonly tables: readonly string[];
  readonly ends: ReadonlyMap<string, readonly PartitionOffsets[]>;
}

/**
 * Rebuilds booking's projections from events alone: in one transaction, empty every
 * projection table, read each topic's end offsets, replay the roster and client-record
 * topics from the beginning through the consumers' own handlers up to those offsets, commit.
 * The end offsets are read after the TRUNCATE took its lock, so any event the live consumer
 * applied before it is in the replay, and any later one waits for the commit and applies
 * on top (every projection ignores an event older than what a row reflects).
 * When any partition's oldest offset is above 0 (events removed by retention) it throws
 * IncompleteEventLogError before replaying anything, so the transaction rolls back and the
 * projections stay as they were.
 */
@Injectable()
export class ProjectionRebuildService {
  constructor(
    private readonly projection: ProjectionRebuildRepository,
    @Inject(EVENT_CONSUMER) private readonly replayer: EventReplayer<Tx>,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus & TopicOffsetsReader,
  ) {}

  async rebuild(options: RebuildOptions = {}): Promise<RebuildReport> {
    const groupId = options.groupId ?? `booking-projection-rebuild-${randomUUID()}`;
    const topics = this.replayer.topics();
    if (topics.length === 0) {
      throw new Error('no projection consumer registered a handler; nothing to rebuild');
    }
    return this.projection.inEmptiedProjection(async (tx) => {
      const ends = new Map<string, readonly PartitionOffsets[]>();
      for (const topic of topics) {
        ends.set(topic, await this.bus.topicOffsets(topic));
      }
      const missing = partitionsMissingHistory(ends);
      if (missing.length > 0) {
        throw new IncompleteEventLogError(missing);
      }
      const report = await this.replayer.replay({
        bus: this.bus,
        groupId,
        ends,
        tx,
        idleTimeoutMs: options.idleTimeoutMs,
        progressEvery: options.progressEvery,
        onProgress: options.onProgress,
      });
      return { ...report, groupId, tables: this.projection.tables(), ends };
    });
  }
}

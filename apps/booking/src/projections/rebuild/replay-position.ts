import type { PartitionOffsets } from '@app/messaging';

/** What to do with a message met during a replay. */
export type ReplayVerdict = 'apply' | 'beyond_end';

interface PartitionTarget {
  readonly topic: string;
  readonly partition: number;
  /** The high watermark read when the replay started: offsets below it are replayed. */
  readonly end: bigint;
  /** The next offset expected, i.e. one past the last message applied (or `low`). */
  next: bigint;
}

/**
 * Tracks a replay against the end offsets read when it started. A partition is caught up
 * once the message just before its end offset has been applied (or it held nothing);
 * messages at or past the end offset were written after the replay started and are left
 * to the live consumer.
 */
export class ReplayPosition {
  private readonly targets = new Map<string, PartitionTarget>();

  constructor(ends: ReadonlyMap<string, readonly PartitionOffsets[]>) {
    for (const [topic, partitions] of ends) {
      for (const offsets of partitions) {
        this.targets.set(keyOf(topic, offsets.partition), {
          topic,
          partition: offsets.partition,
          end: BigInt(offsets.high),
          next: BigInt(offsets.low),
        });
      }
    }
  }

  verdict(topic: string, partition: number, offset: string): ReplayVerdict {
    const target = this.targets.get(keyOf(topic, partition));
    return target !== undefined && BigInt(offset) < target.end ? 'apply' : 'beyond_end';
  }

  /** Records that the message at `offset` has been dealt with. */
  passed(topic: string, partition: number, offset: string): void {
    const target = this.targets.get(keyOf(topic, partition));
    const next = BigInt(offset) + 1n;
    if (target !== undefined && next > target.next) {
      target.next = next;
    }
  }

  isCaughtUp(): boolean {
    return [...this.targets.values()].every((target) => target.next >= target.end);
  }

  /** The partitions still behind, for a stalled replay's error: "topic[1] at 40 of 52". */
  behind(): string[] {
    return [...this.targets.values()]
      .filter((target) => target.next < target.end)
      .map((target) => `${target.topic}[${target.partition}] at ${target.next} of ${target.end}`);
  }

  /** How many messages the replay will read per topic (retention may have removed older ones). */
  totalsByTopic(): Map<string, bigint> {
    const totals = new Map<string, bigint>();
    for (const target of this.targets.values()) {
      const remaining = target.end > target.next ? target.end - target.next : 0n;
      totals.set(target.topic, (totals.get(target.topic) ?? 0n) + remaining);
    }
    return totals;
  }
}

/**
 * The partitions whose oldest offset is above 0: retention (or a deletion) removed events
 * from them, so a replay from the beginning would rebuild from part of the history only.
 * Each as "topic[partition] starts at offset N".
 */
export function partitionsMissingHistory(
  ends: ReadonlyMap<string, readonly PartitionOffsets[]>,
): string[] {
  const missing: string[] = [];
  for (const [topic, partitions] of ends) {
    for (const offsets of partitions) {
      if (BigInt(offsets.low) > 0n) {
        missing.push(`${topic}[${offsets.partition}] starts at offset ${offsets.low}`);
      }
    }
  }
  return missing;
}

function keyOf(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

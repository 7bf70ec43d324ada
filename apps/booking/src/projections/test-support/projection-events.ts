import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type {
  CertificationState,
  EventData,
  EventDefinition,
  EventEnvelope,
  TherapistState,
  WorkingPatternChangedV1,
} from '@app/contracts';
import { headersFor, MessageBus } from '@app/messaging';

/**
 * Publishes events as roster and client-record would, with a chosen occurredAt (to test
 * out-of-order delivery), and waits until booking's live consumer has processed them.
 */
export class ProjectionEvents {
  constructor(
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
  ) {}

  async publish<D extends EventDefinition>(
    definition: D,
    event: { aggregateId: string; clinicId: string | null; data: EventData<D> },
    occurredAt: Date = new Date(),
  ): Promise<EventEnvelope<EventData<D>>> {
    const envelope: EventEnvelope<EventData<D>> = {
      eventId: randomUUID(),
      type: definition.type,
      schemaVersion: definition.version,
      occurredAt: occurredAt.toISOString(),
      clinicId: event.clinicId,
      aggregateId: event.aggregateId,
      correlationId: randomUUID(),
      causationId: null,
      actor: { type: 'system', id: 'booking-projection-test' },
      data: definition.schema.parse(event.data) as EventData<D>,
    };
    await this.bus.publish(definition.topic, [
      { key: envelope.aggregateId, value: JSON.stringify(envelope), headers: headersFor(envelope) },
    ]);
    return envelope;
  }

  /** Publishes, then waits for booking's consumer to have processed the event (its inbox row). */
  async deliver<D extends EventDefinition>(
    definition: D,
    event: { aggregateId: string; clinicId: string | null; data: EventData<D> },
    occurredAt?: Date,
  ): Promise<EventEnvelope<EventData<D>>> {
    const envelope = await this.publish(definition, event, occurredAt);
    await this.processed(envelope.eventId);
    return envelope;
  }

  async processed(eventId: string, timeoutMs = 60_000): Promise<void> {
    await eventually(async () => {
      const rows = await this.dataSource.query<unknown[]>(
        `SELECT 1 FROM inbox WHERE consumer_group = 'booking' AND event_id = $1`,
        [eventId],
      );
      expect(rows).toHaveLength(1);
    }, timeoutMs);
  }
}

export async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export const CLOSED_WEEK = {
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};

export function therapistState(overrides: Partial<TherapistState> = {}): TherapistState {
  return {
    therapistId: randomUUID(),
    givenName: 'Asha',
    familyName: 'Patel',
    profession: 'physiotherapist',
    hcpcNumber: 'PH12345',
    specialties: ['lower_back_pain', 'sciatica'],
    clinicIds: [],
    status: 'active',
    ...overrides,
  };
}

export function certificationState(
  therapistId: string,
  overrides: Partial<CertificationState> = {},
): CertificationState {
  return {
    certificationId: randomUUID(),
    therapistId,
    type: 'pnf_level_1',
    issuedOn: '2025-06-01',
    expiresOn: '2027-06-01',
    verified: false,
    status: 'valid',
    ...overrides,
  };
}

type Shift = EventData<typeof WorkingPatternChangedV1>['shifts'][number];

export function shift(
  weekday: Shift['weekday'],
  start: string,
  end: string,
  effectiveFrom = '2026-03-02',
): Shift {
  return { shiftId: randomUUID(), weekday, start, end, effectiveFrom, effectiveTo: null };
}

/** An instant `minutes` before now: for events that happened earlier than others. */
export function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}

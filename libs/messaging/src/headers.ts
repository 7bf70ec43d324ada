import { EventEnvelope } from '@app/contracts';

/** Kafka header names carried by every message, so routing and tracing need no parsing. */
export const HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  clinicId: 'clinic-id',
  contentType: 'content-type',
  dlqError: 'dlq-error',
  dlqOriginalTopic: 'dlq-original-topic',
  dlqOriginalPartition: 'dlq-original-partition',
  dlqOriginalOffset: 'dlq-original-offset',
  dlqConsumerGroup: 'dlq-consumer-group',
  dlqAttempts: 'dlq-attempts',
  dlqFailedAt: 'dlq-failed-at',
} as const;

export function headersFor(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [HEADERS.eventId]: envelope.eventId,
    [HEADERS.eventType]: envelope.type,
    [HEADERS.schemaVersion]: String(envelope.schemaVersion),
    [HEADERS.correlationId]: envelope.correlationId,
    [HEADERS.contentType]: 'application/json',
  };
  if (envelope.causationId !== null) {
    headers[HEADERS.causationId] = envelope.causationId;
  }
  if (envelope.clinicId !== null) {
    headers[HEADERS.clinicId] = envelope.clinicId;
  }
  return headers;
}

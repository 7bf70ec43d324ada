import { z } from 'zod';
import {
  ADVERSE_EVENT_SAMPLES,
  BOOKING_ATTENTION_EVENT_SAMPLES,
  BOOKING_EVENT_SAMPLES,
  CARE_EVENT_SAMPLES,
  CATALOGUE_EVENT_SAMPLES,
  CLIENT_EVENT_SAMPLES,
  EventDefinition,
  GDPR_EVENT_SAMPLES,
  PLATFORM_EVENTS,
  SCREENING_EVENT_SAMPLES,
  TOPICS,
  WAITLIST_EVENT_SAMPLES,
} from '@app/contracts';
import { ADVERSE_EVENT_TYPES } from './adverse-events/domain/adverse-event';
import { CONDITION_DURATIONS, CONDITIONS, RED_FLAGS } from './screening/domain/screening-terms';
import { JOINTS, MOVEMENTS, TECHNIQUES } from './session-records/domain/session-record';

/**
 * Issue 4: no clinical detail (conditions, red flags, pain scores, notes, ...) ever goes
 * into an event, public or internal. Every event type client-record publishes or consumes
 * is checked twice: its schema (field names and enum values) and its sample payload.
 */
const CLINICAL_FIELD =
  /condition|red_?flag|pain|nprs|medication|technique|range_?of_?motion|^rom$|joint|movement|degrees|notes?$|diagnos|symptom|description|actions_?taken|follow_?up|goals?$|reasons?$|adverse_?event_?type|medical|health/i;

/** Values that are clinical wherever they appear (an enum offering them, a sample carrying them). */
const CLINICAL_VALUES: ReadonlySet<string> = new Set<string>([
  ...CONDITIONS,
  ...CONDITION_DURATIONS,
  ...RED_FLAGS,
  ...ADVERSE_EVENT_TYPES,
  ...TECHNIQUES,
  ...JOINTS,
  ...MOVEMENTS,
]);

const SAMPLES: Readonly<Record<string, unknown>> = {
  ...CLIENT_EVENT_SAMPLES,
  ...SCREENING_EVENT_SAMPLES,
  ...CARE_EVENT_SAMPLES,
  ...ADVERSE_EVENT_SAMPLES,
  ...GDPR_EVENT_SAMPLES,
  ...BOOKING_EVENT_SAMPLES,
  ...CATALOGUE_EVENT_SAMPLES,
  ...WAITLIST_EVENT_SAMPLES,
  ...BOOKING_ATTENTION_EVENT_SAMPLES,
};

const CHECKED_TOPICS: readonly string[] = [TOPICS.clientRecord, TOPICS.booking];
const CHECKED = PLATFORM_EVENTS.filter((definition) => CHECKED_TOPICS.includes(definition.topic));

type JsonSchema = {
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
};

function clinicalInSchema(schema: JsonSchema, path: string): string[] {
  const found: string[] = [];
  for (const value of [...(schema.enum ?? []), ...('const' in schema ? [schema.const] : [])]) {
    if (typeof value === 'string' && CLINICAL_VALUES.has(value)) {
      found.push(`${path || '(root)'}: offers "${value}"`);
    }
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const child = path === '' ? name : `${path}.${name}`;
    if (CLINICAL_FIELD.test(name)) {
      found.push(`${child}: field name`);
    }
    found.push(...clinicalInSchema(property, child));
  }
  if (schema.items !== undefined) {
    found.push(...clinicalInSchema(schema.items, `${path}[]`));
  }
  for (const branch of [
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ]) {
    found.push(...clinicalInSchema(branch, path));
  }
  return found;
}

function clinicalInPayload(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    return CLINICAL_VALUES.has(value) ? [`${path}: "${value}"`] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => clinicalInPayload(item, `${path}[${index}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => [
      ...(CLINICAL_FIELD.test(key) ? [`${path}.${key}: field name`] : []),
      ...clinicalInPayload(child, `${path}.${key}`),
    ]);
  }
  return [];
}

function schemaFindings(definition: EventDefinition): string[] {
  const schema = z.toJSONSchema(definition.schema, { unrepresentable: 'any' }) as JsonSchema;
  return clinicalInSchema(schema, '');
}

describe('no clinical data in client-record and booking events', () => {
  it('checks every event of both topics', () => {
    expect(CHECKED.map((definition) => definition.type)).toEqual(
      expect.arrayContaining([
        'client.registered',
        'client.contact_changed',
        'consent.changed',
        'screening.completed',
        'eligibility.changed',
        'care_plan.created',
        'care_plan.updated',
        'session.recorded',
        'adverse_event.reported',
        'client.erased',
        'booking.completed',
      ]),
    );
  });

  it.each(CHECKED)('$type@v$version: the schema has no clinical field or value', (definition) => {
    expect(schemaFindings(definition)).toEqual([]);
  });

  it.each(CHECKED)(
    '$type@v$version: the sample payload is valid and clinical-free',
    (definition) => {
      const sample = SAMPLES[definition.type];
      expect(sample).toBeDefined();
      expect(definition.schema.safeParse(sample).success).toBe(true);
      expect(clinicalInPayload(sample, 'data')).toEqual([]);
    },
  );

  it('catches clinical fields and values (the guard itself works)', () => {
    const leaky = {
      ...CHECKED[0],
      schema: z.object({
        painBefore: z.number(),
        notes: z.string(),
        flags: z.array(z.enum(['pregnancy', 'none'])),
      }),
    } as EventDefinition;
    expect(schemaFindings(leaky)).toEqual([
      'painBefore: field name',
      'notes: field name',
      'flags[]: offers "pregnancy"',
    ]);
    expect(clinicalInPayload({ status: 'cleared', conditions: ['sciatica'] }, 'data')).toEqual([
      'data.conditions: field name',
      'data.conditions[0]: "sciatica"',
    ]);
  });
});

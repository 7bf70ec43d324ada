import { z } from 'zod';
import type { EventDefinition } from './event-definition';
import { eventKey } from './event-definition';
import { PLATFORM_EVENTS } from './event-catalogue';
import { TimeOffApprovedV1, TimeOffCancelledV1 } from './events/schedule.events';

/**
 * Public events reach integrators and must carry no health data. A guard for the future:
 * a field named like health data, or an enum offering a health value, in a public event's
 * schema fails here. Make such an event internal, or drop the field.
 */
const HEALTH_FIELD = /diagnos|condition|notes?$|reason|symptom|injur|illness|sick|medical|health/i;
const HEALTH_VALUE = /^(sickness|sick|illness|injury|medical|diagnosis|condition)$/i;

/**
 * Reviewed exceptions, by "event@vN path": names that match but are not about a person.
 * A clinic's hours exception says why the CLINIC's hours change on a date (e.g. "Bank
 * holiday"); it is not about a therapist or client.
 */
const NOT_HEALTH_DATA = new Set(
  ['clinic.opened@v1', 'clinic.updated@v1', 'clinic.hours_changed@v1'].map(
    (key) => `${key} hoursExceptions[].reason`,
  ),
);

type JsonSchema = {
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly additionalProperties?: JsonSchema | boolean;
};

/** Every "path: problem" in the schema that looks like health data. */
function healthDataIn(schema: JsonSchema, path: string): string[] {
  const found: string[] = [];
  const values = [...(schema.enum ?? []), ...('const' in schema ? [schema.const] : [])];
  for (const value of values) {
    if (typeof value === 'string' && HEALTH_VALUE.test(value)) {
      found.push(`${path || '(root)'}: value "${value}"`);
    }
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const child = path === '' ? name : `${path}.${name}`;
    if (HEALTH_FIELD.test(name)) {
      found.push(`${child}: field name`);
    }
    found.push(...healthDataIn(property, child));
  }
  if (schema.items !== undefined) {
    found.push(...healthDataIn(schema.items, `${path}[]`));
  }
  if (typeof schema.additionalProperties === 'object') {
    found.push(...healthDataIn(schema.additionalProperties, `${path}{}`));
  }
  for (const branch of [
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ]) {
    found.push(...healthDataIn(branch, path));
  }
  return found;
}

function healthDataOf(definition: EventDefinition): string[] {
  const schema = z.toJSONSchema(definition.schema, { unrepresentable: 'any' }) as JsonSchema;
  return healthDataIn(schema, '')
    .map((finding) => `${eventKey(definition)} ${finding}`)
    .filter((finding) => !NOT_HEALTH_DATA.has(finding.replace(/: field name$/, '')));
}

describe('public events carry no health data', () => {
  it.each(PLATFORM_EVENTS.filter((definition) => definition.visibility === 'public'))(
    '$type@v$version has no field or value that looks like health data',
    (definition) => {
      expect(healthDataOf(definition)).toEqual([]);
    },
  );

  it('catches a sickness kind and a notes field (the guard itself works)', () => {
    expect(healthDataOf(TimeOffApprovedV1)).toEqual([
      'time_off.approved@v1 kind: value "sickness"',
    ]);
    const withNotes = { ...TimeOffApprovedV1, schema: z.object({ notes: z.string() }) };
    expect(healthDataOf(withNotes)).toEqual(['time_off.approved@v1 notes: field name']);
  });

  it('keeps time off internal: its kind can be sickness', () => {
    expect([TimeOffApprovedV1.visibility, TimeOffCancelledV1.visibility]).toEqual([
      'internal',
      'internal',
    ]);
  });
});

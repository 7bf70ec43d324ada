import { z } from 'zod';
import { EventDefinition } from './event-definition';

/** The event catalogue as a Markdown table: type, version, topic, audience, data fields. */
export function eventCatalogueMarkdown(definitions: readonly EventDefinition[]): string {
  const rows = [...definitions]
    .sort(
      (a, b) =>
        a.topic.localeCompare(b.topic) || a.type.localeCompare(b.type) || a.version - b.version,
    )
    .map((definition) => {
      const schema = z.toJSONSchema(definition.schema, { unrepresentable: 'any' }) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      const required = new Set(schema.required ?? []);
      const fields = Object.keys(schema.properties ?? {})
        .map((name) => `\`${name}\`${required.has(name) ? '' : '?'}`)
        .join(', ');
      return `| \`${definition.type}\` | ${definition.version} | \`${definition.topic}\` | ${definition.visibility} | ${definition.description} | ${fields} |`;
    });
  return [
    '# Event catalogue',
    '',
    'Generated from `libs/contracts` by `npm run docs:events`; the AsyncAPI 3.0 document with full',
    'schemas is `docs/asyncapi.json`. Every message has the same envelope (`eventId`, `type`,',
    '`schemaVersion`, `occurredAt`, `clinicId`, `aggregateId`, `correlationId`, `causationId`, `actor`,',
    '`data`). Public events reach integrators and carry no contact or health data. `?` marks optional',
    'fields.',
    '',
    '| event | version | topic | audience | meaning | data |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

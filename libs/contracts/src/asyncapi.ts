import { z } from 'zod';
import { envelopeSchema } from './envelope';
import { EventDefinition } from './event-definition';
import { dlqTopicOf } from './topics';

/**
 * The event catalogue as an AsyncAPI 3.0 document, built from the same definitions
 * producers and consumers validate against, so it cannot drift from the code.
 */
export function asyncApiDocument(definitions: readonly EventDefinition[]): Record<string, unknown> {
  const topics = [...new Set(definitions.map((d) => d.topic))].sort();
  const messageName = (d: EventDefinition): string => `${d.type.replace(/\./g, '_')}_v${d.version}`;
  const envelope = z.toJSONSchema(envelopeSchema.omit({ data: true }), { unrepresentable: 'any' });

  const messages: Record<string, unknown> = {};
  for (const definition of definitions) {
    messages[messageName(definition)] = {
      name: definition.type,
      title: `${definition.type} v${definition.version}`,
      summary: definition.description,
      contentType: 'application/json',
      tags: [{ name: definition.visibility }],
      headers: {
        type: 'object',
        properties: {
          'event-id': { type: 'string', format: 'uuid' },
          'event-type': { const: definition.type },
          'schema-version': { const: String(definition.version) },
          'correlation-id': { type: 'string' },
          'causation-id': { type: 'string' },
          'clinic-id': { type: 'string', format: 'uuid' },
        },
        required: ['event-id', 'event-type', 'schema-version', 'correlation-id'],
      },
      payload: {
        allOf: [
          envelope,
          {
            type: 'object',
            properties: {
              type: { const: definition.type },
              schemaVersion: { const: definition.version },
              data: z.toJSONSchema(definition.schema, { unrepresentable: 'any' }),
            },
            required: ['data'],
          },
        ],
      },
      bindings: { kafka: { key: { type: 'string', description: 'the aggregate id' } } },
    };
  }

  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of topics) {
    const channelId = topic.replace(/[^A-Za-z0-9]/g, '_');
    const onTopic = definitions.filter((d) => d.topic === topic);
    channels[channelId] = {
      address: topic,
      description: `Domain events; keyed by aggregate id. Dead letters go to ${dlqTopicOf(topic)}.`,
      messages: Object.fromEntries(
        onTopic.map((d) => [messageName(d), { $ref: `#/components/messages/${messageName(d)}` }]),
      ),
    };
    operations[`receive_${channelId}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelId}` },
      messages: onTopic.map((d) => ({
        $ref: `#/channels/${channelId}/messages/${messageName(d)}`,
      })),
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Stretch clinic network platform events',
      version: '1.0.0',
      description:
        'Every message has the same envelope. Public events carry no health data: ids and statuses only.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

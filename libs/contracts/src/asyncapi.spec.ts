import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from './asyncapi';
import { eventCatalogueMarkdown } from './event-catalogue-markdown';
import { PLATFORM_EVENTS } from './event-catalogue';
import { ClinicOpenedV1 } from './events/roster.events';

describe(asyncApiDocument.name, () => {
  it('describes every platform event on its topic with the JSON schema of its data', () => {
    const document = asyncApiDocument([ClinicOpenedV1]) as {
      channels: Record<string, { address: string }>;
      components: { messages: Record<string, { name: string; payload: { allOf: unknown[] } }> };
    };
    expect(document.channels.roster_events_v1?.address).toBe('roster.events.v1');
    const message = document.components.messages.clinic_opened_v1;
    expect(message?.name).toBe('clinic.opened');
    expect(JSON.stringify(message?.payload)).toContain('"timezone"');
  });

  it('matches the published docs/events.md (run npm run docs:events)', () => {
    const published = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'events.md'), 'utf8');
    expect(published).toBe(eventCatalogueMarkdown(PLATFORM_EVENTS));
  });

  it('matches the published docs/asyncapi.json (run npm run docs:events)', () => {
    const published: unknown = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'docs', 'asyncapi.json'), 'utf8'),
    );
    expect(published).toEqual(asyncApiDocument(PLATFORM_EVENTS));
  });
});

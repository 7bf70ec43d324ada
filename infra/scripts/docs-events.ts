/** `npm run docs:events`: writes the event catalogue to docs/asyncapi.json and docs/events.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asyncApiDocument, eventCatalogueMarkdown, PLATFORM_EVENTS } from '@app/contracts';

const docs = resolve(__dirname, '..', '..', '..', 'docs');
mkdirSync(docs, { recursive: true });
const file = resolve(docs, 'asyncapi.json');
writeFileSync(file, `${JSON.stringify(asyncApiDocument(PLATFORM_EVENTS), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
const markdown = resolve(docs, 'events.md');
writeFileSync(markdown, eventCatalogueMarkdown(PLATFORM_EVENTS));
process.stdout.write(`wrote ${markdown}\n`);

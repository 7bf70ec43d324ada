/** `npm run docs:events`: writes the AsyncAPI event catalogue to docs/asyncapi.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asyncApiDocument, PLATFORM_EVENTS } from '@app/contracts';

const docs = resolve(__dirname, '..', '..', '..', 'docs');
mkdirSync(docs, { recursive: true });
const file = resolve(docs, 'asyncapi.json');
writeFileSync(file, `${JSON.stringify(asyncApiDocument(PLATFORM_EVENTS), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);

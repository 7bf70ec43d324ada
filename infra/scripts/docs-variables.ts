/**
 * `npm run docs:variables`: rewrites the configuration table in README.md from the one
 * catalogue (libs/config/src/variables.ts). A unit test fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderVariablesMarkdown } from '@app/config';
import { replaceVariablesTable } from '@app/config/readme-variables';

const readme = resolve(__dirname, '..', '..', '..', 'README.md');
writeFileSync(
  readme,
  replaceVariablesTable(readFileSync(readme, 'utf8'), renderVariablesMarkdown()),
);
process.stdout.write(`updated the configuration table in ${readme}\n`);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderVariablesMarkdown } from './render-variables-markdown';
import { replaceVariablesTable } from './readme-variables';

describe(replaceVariablesTable.name, () => {
  it('keeps the README configuration table equal to the catalogue (run npm run docs:variables)', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(replaceVariablesTable(readme, renderVariablesMarkdown())).toBe(readme);
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceVariablesTable('# no table', '| a |')).toThrow(/markers/);
  });
});

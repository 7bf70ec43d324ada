import type { VariableDefault } from './variable-spec';
import { VARIABLE_CATALOGUE, type VariableRow } from './variables';

/** The README "Configuration" table: one row per catalogue variable, in catalogue order. */
export function renderVariablesMarkdown(rows: readonly VariableRow[] = VARIABLE_CATALOGUE): string {
  const header = [
    '| Variable | Default | Expected | Read by | Description |',
    '|---|---|---|---|---|',
  ];
  const lines = rows.map((row) =>
    [
      `\`${row.name}\``,
      describeDefault(row.default),
      row.field.expected,
      row.readBy.join(', '),
      row.description,
    ]
      .map(cell)
      .join(' | '),
  );
  return [...header, ...lines.map((line) => `| ${line} |`)].join('\n') + '\n';
}

function describeDefault(fallback: VariableDefault): string {
  switch (fallback.kind) {
    case 'required':
      return '**required**';
    case 'optional':
      return '(unset)';
    case 'value':
      return `\`${fallback.value}\``;
    case 'derived':
      return fallback.describe;
    default: {
      const unhandled: never = fallback;
      throw new Error(`unknown default kind: ${JSON.stringify(unhandled)}`);
    }
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

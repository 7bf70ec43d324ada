import { renderVariablesMarkdown } from './render-variables-markdown';
import { VARIABLE_CATALOGUE } from './variables';

describe(renderVariablesMarkdown.name, () => {
  it('prints one table row per catalogue variable', () => {
    const lines = renderVariablesMarkdown().trimEnd().split('\n');

    expect(lines).toHaveLength(VARIABLE_CATALOGUE.length + 2);
    expect(lines[0]).toBe('| Variable | Default | Expected | Read by | Description |');
  });

  it('shows the default, the expected form and the readers of a variable', () => {
    const table = renderVariablesMarkdown();

    expect(table).toContain(
      '| `BOOKING_PORT` | `4002` | an integer port 1-65535 | booking, gateway | HTTP port of booking;',
    );
    expect(table).toContain('| `KAFKA_BROKERS` | **required** |');
    expect(table).toContain('| `LOG_FORMAT` | pretty when NODE_ENV=development, else json |');
  });

  it('escapes pipes so a description cannot break the table', () => {
    const row = VARIABLE_CATALOGUE[0];

    const table = renderVariablesMarkdown([{ ...row, description: 'a | b' }]);

    expect(table).toContain('a \\| b |');
  });
});

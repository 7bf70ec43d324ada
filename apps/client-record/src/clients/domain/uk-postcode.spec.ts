import { normaliseUkPostcode } from './uk-postcode';

describe(normaliseUkPostcode.name, () => {
  it.each([
    ['ls1 4ap', 'LS1 4AP'],
    ['SW1A1AA', 'SW1A 1AA'],
    ['  m1  1ae ', 'M1 1AE'],
    ['gir0aa', 'GIR 0AA'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseUkPostcode(raw)).toBe(expected);
  });

  it.each(['LS1', 'QS1 4AP', 'LS1 4CP', '12345', ''])('rejects %j', (raw) => {
    expect(normaliseUkPostcode(raw)).toBeUndefined();
  });
});

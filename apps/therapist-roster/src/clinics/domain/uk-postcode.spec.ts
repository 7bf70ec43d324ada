import { normaliseUkPostcode } from './uk-postcode';

describe(normaliseUkPostcode.name, () => {
  it.each([
    ['LS1 4AP', 'LS1 4AP'],
    ['ls14ap', 'LS1 4AP'],
    [' m1  1ae ', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['W1A 0AX', 'W1A 0AX'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['gir 0aa', 'GIR 0AA'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(normaliseUkPostcode(raw)).toBe(expected);
  });

  it.each([
    ['an empty string', ''],
    ['an outward code alone', 'LS1'],
    ['a US zip code', '90210'],
    ['a Q as the first letter', 'QA1 1AA'],
    ['a C in the inward code', 'LS1 4CP'],
    ['digits where letters belong', 'LS1 477'],
    ['extra characters', 'LS1 4AP X'],
  ])('rejects %s', (_case, raw) => {
    expect(normaliseUkPostcode(raw)).toBeUndefined();
  });
});

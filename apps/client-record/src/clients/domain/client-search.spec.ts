import { escapeLike, parseClientSearch } from './client-search';

describe(parseClientSearch.name, () => {
  it('reads text with an @ as an email prefix, lower-cased', () => {
    expect(parseClientSearch(' Amelia@Ex ')).toEqual({ kind: 'email', prefix: 'amelia@ex' });
  });

  it('reads a UK phone number as the digits after the trunk 0', () => {
    expect(parseClientSearch('07700 900123')).toEqual({ kind: 'phone', digits: '7700900123' });
    expect(parseClientSearch('+44 7700')).toEqual({ kind: 'phone', digits: '447700' });
    expect(parseClientSearch('900123')).toEqual({ kind: 'phone', digits: '900123' });
  });

  it('reads anything else as name words', () => {
    expect(parseClientSearch('Amelia  HUGHES')).toEqual({
      kind: 'name',
      words: ['amelia', 'hughes'],
    });
  });

  it('rejects text too short, too long, or a phone with fewer than 4 digits', () => {
    expect(parseClientSearch('a')).toBeUndefined();
    expect(parseClientSearch('x'.repeat(101))).toBeUndefined();
    expect(parseClientSearch('077')).toBeUndefined();
  });
});

describe(escapeLike.name, () => {
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('a_b%c\\')).toBe('a\\_b\\%c\\\\');
  });
});

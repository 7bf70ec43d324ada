import { normaliseEmail, normalisePhone } from './contact-details';

describe(normaliseEmail.name, () => {
  it('trims and lower-cases an email address', () => {
    expect(normaliseEmail(' Amelia.Hughes@Example.CO.UK ')).toBe('amelia.hughes@example.co.uk');
  });

  it.each(['amelia', 'amelia@example', 'a b@example.com', '@example.com', ''])(
    'rejects %j',
    (raw) => {
      expect(normaliseEmail(raw)).toBeUndefined();
    },
  );
});

describe(normalisePhone.name, () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['07700-900-123', '+447700900123'],
    ['(0113) 496 0000', '+441134960000'],
    ['+44 7700 900123', '+447700900123'],
    ['+44 (0)7700 900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['020 7946 0000', '+442079460000'],
    ['+353 1 234 5678', '+35312345678'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each([
    ['a UK number too short', '0770 900'],
    ['a UK number too long', '07700 9001234'],
    ['digits without a trunk 0 or +', '7700900123'],
    ['letters', '07700 CALLME'],
    ['a +44 number of the wrong length', '+44 7700 9001'],
    ['an international number too short', '+1 23 45'],
  ])('rejects %s', (_what, raw) => {
    expect(normalisePhone(raw)).toBeUndefined();
  });
});

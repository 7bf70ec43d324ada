import { normaliseEmail, normalisePhone } from './contact-details';

describe(normaliseEmail.name, () => {
  it('trims and lower-cases an address', () => {
    expect(normaliseEmail(' Sam.Jones@Example.co.uk ')).toBe('sam.jones@example.co.uk');
  });

  it('rejects addresses without a domain or with spaces', () => {
    expect(normaliseEmail('sam@localhost')).toBeUndefined();
    expect(normaliseEmail('sam jones@example.com')).toBeUndefined();
    expect(normaliseEmail('example.com')).toBeUndefined();
  });
});

describe(normalisePhone.name, () => {
  it('keeps a number as written, spaces collapsed', () => {
    expect(normalisePhone(' +44  113 496 0000 ')).toBe('+44 113 496 0000');
    expect(normalisePhone('(0113) 496-0000')).toBe('(0113) 496-0000');
  });

  it('rejects letters and numbers with too few or too many digits', () => {
    expect(normalisePhone('call me')).toBeUndefined();
    expect(normalisePhone('12345')).toBeUndefined();
    expect(normalisePhone('+44 1234 567 890 1234')).toBeUndefined();
  });
});

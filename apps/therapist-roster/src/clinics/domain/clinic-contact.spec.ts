import { checkContact } from './clinic-contact';

describe(checkContact.name, () => {
  it('accepts national and international UK numbers and lower-cases the email', () => {
    expect(checkContact({ phone: '0113 496 0000', email: 'Leeds@Example.com' })).toEqual({
      ok: true,
      value: { phone: '0113 496 0000', email: 'leeds@example.com' },
    });
    expect(checkContact({ phone: '+44 113 496 0000' }).ok).toBe(true);
  });

  it('treats a contact with neither part as no contact', () => {
    expect(checkContact({ phone: ' ', email: null })).toEqual({ ok: true, value: null });
  });

  it('rejects a phone number that is not a UK number', () => {
    const result = checkContact({ phone: '12345' });
    expect(result.ok ? undefined : result.problem.field).toBe('contact.phone');
    expect(checkContact({ phone: '+1 212 555 0100' }).ok).toBe(false);
  });

  it('rejects an email address without a domain', () => {
    const result = checkContact({ email: 'leeds@' });
    expect(result.ok ? undefined : result.problem.field).toBe('contact.email');
  });
});

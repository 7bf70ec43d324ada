import { registrationRefusal } from './projected-clinic';

describe(registrationRefusal.name, () => {
  it('refuses a clinic client-record has never heard of', () => {
    expect(registrationRefusal(undefined)).toBe('not_found');
  });

  it('refuses a closed clinic', () => {
    expect(registrationRefusal({ status: 'closed' })).toBe('closed');
  });

  it.each(['opening', 'active', 'suspended'])('accepts a clinic that is %s', (status) => {
    expect(registrationRefusal({ status })).toBeUndefined();
  });
});

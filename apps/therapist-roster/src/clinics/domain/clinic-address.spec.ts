import { checkAddress, POSTCODE_FIELD } from './clinic-address';

describe(checkAddress.name, () => {
  it('tidies the lines, drops a blank line 2 and standardises the postcode', () => {
    expect(
      checkAddress({ line1: ' 1  Park Row ', line2: ' ', city: 'Leeds', postcode: 'ls14ap' }),
    ).toEqual({
      ok: true,
      value: { line1: '1 Park Row', line2: null, city: 'Leeds', postcode: 'LS1 4AP' },
    });
  });

  it('requires line 1 and the city', () => {
    const noLine = checkAddress({ line1: ' ', city: 'Leeds', postcode: 'LS1 4AP' });
    expect(noLine.ok ? undefined : noLine.problem.field).toBe('address.line1');
    const noCity = checkAddress({ line1: '1 Park Row', city: '', postcode: 'LS1 4AP' });
    expect(noCity.ok ? undefined : noCity.problem.field).toBe('address.city');
  });

  it('reports a bad postcode on the postcode field, with an example', () => {
    const result = checkAddress({ line1: '1 Park Row', city: 'Leeds', postcode: '12345' });
    expect(result.ok ? undefined : result.problem).toEqual({
      field: POSTCODE_FIELD,
      message: '"12345" is not a UK postcode; use the full postcode, e.g. LS1 4AP',
    });
  });
});

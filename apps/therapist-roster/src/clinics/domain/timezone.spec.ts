import { isIanaTimezone } from './timezone';

describe(isIanaTimezone.name, () => {
  it('accepts the timezone of every UK clinic', () => {
    expect(isIanaTimezone('Europe/London')).toBe(true);
  });

  it('accepts other real zones, because the code must not assume London', () => {
    expect(isIanaTimezone('Europe/Dublin')).toBe(true);
    expect(isIanaTimezone('UTC')).toBe(true);
  });

  it('rejects a made-up zone', () => {
    expect(isIanaTimezone('Europe/Atlantis')).toBe(false);
  });

  it('rejects abbreviations and offsets, which do not follow daylight saving rules', () => {
    expect(isIanaTimezone('BST')).toBe(false);
    expect(isIanaTimezone('+01:00')).toBe(false);
  });
});

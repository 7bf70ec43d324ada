import { certification } from './availability.fixtures';
import { certificationCountsOn, holdsAllOn } from './certification-validity';

describe(certificationCountsOn.name, () => {
  it('counts from the issue date up to the day before expiry', () => {
    const cert = certification('pnf_level_1', { issuedOn: '2026-01-10', expiresOn: '2027-01-10' });

    expect(certificationCountsOn(cert, '2026-01-09')).toBe(false);
    expect(certificationCountsOn(cert, '2026-01-10')).toBe(true);
    expect(certificationCountsOn(cert, '2027-01-09')).toBe(true);
    expect(certificationCountsOn(cert, '2027-01-10')).toBe(false);
  });

  it('stops counting on the revocation day', () => {
    const cert = certification('pnf_level_1', { revokedOn: '2026-05-01' });

    expect(certificationCountsOn(cert, '2026-04-30')).toBe(true);
    expect(certificationCountsOn(cert, '2026-05-01')).toBe(false);
  });

  it('never counts an unverified certification', () => {
    expect(
      certificationCountsOn(certification('pnf_level_1', { verified: false }), '2026-05-01'),
    ).toBe(false);
  });
});

describe(holdsAllOn.name, () => {
  it('needs a current certification of every required type', () => {
    const held = [
      certification('pnf_level_1'),
      certification('first_aid', { expiresOn: '2026-06-01' }),
    ];

    expect(holdsAllOn(held, ['pnf_level_1', 'first_aid'], '2026-05-31')).toBe(true);
    expect(holdsAllOn(held, ['pnf_level_1', 'first_aid'], '2026-06-01')).toBe(false);
    expect(holdsAllOn(held, [], '2026-06-01')).toBe(true);
  });
});

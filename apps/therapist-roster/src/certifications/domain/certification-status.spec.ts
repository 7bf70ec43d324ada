import { certificationStatusAt, isCurrent } from './certification-status';

const firstAid = { issuedOn: '2025-06-01', expiresOn: '2026-06-01', revokedOn: null };

describe(certificationStatusAt.name, () => {
  it('is not yet valid before the issue date', () => {
    expect(certificationStatusAt(firstAid, '2025-05-31')).toBe('not_yet_valid');
  });

  it('is valid from the issue date until 31 days before expiry', () => {
    expect(certificationStatusAt(firstAid, '2025-06-01')).toBe('valid');
    expect(certificationStatusAt(firstAid, '2026-05-01')).toBe('valid');
  });

  it('is expiring soon from 30 days before expiry to the day before', () => {
    expect(certificationStatusAt(firstAid, '2026-05-02')).toBe('expiring_soon');
    expect(certificationStatusAt(firstAid, '2026-05-31')).toBe('expiring_soon');
  });

  it('is expired on the expiry day and after', () => {
    expect(certificationStatusAt(firstAid, '2026-06-01')).toBe('expired');
    expect(certificationStatusAt(firstAid, '2030-01-01')).toBe('expired');
  });

  it('stays valid for ever when it does not expire', () => {
    const pnf = { issuedOn: '2020-01-01', expiresOn: null, revokedOn: null };
    expect(certificationStatusAt(pnf, '2099-12-31')).toBe('valid');
  });

  it('is revoked from the revocation day, whatever the dates say', () => {
    const revoked = { ...firstAid, revokedOn: '2025-09-10' };
    expect(certificationStatusAt(revoked, '2025-09-09')).toBe('valid');
    expect(certificationStatusAt(revoked, '2025-09-10')).toBe('revoked');
    expect(certificationStatusAt(revoked, '2026-07-01')).toBe('revoked');
  });
});

describe(isCurrent.name, () => {
  it('counts valid and expiring soon as current, nothing else', () => {
    expect(isCurrent('valid')).toBe(true);
    expect(isCurrent('expiring_soon')).toBe(true);
    expect(isCurrent('expired')).toBe(false);
    expect(isCurrent('revoked')).toBe(false);
    expect(isCurrent('not_yet_valid')).toBe(false);
  });
});

import { dueNotice, ExpiryNoticeCandidate } from './expiry-notice';

const EXPIRES = '2026-06-01';

function candidate(overrides: Partial<ExpiryNoticeCandidate> = {}): ExpiryNoticeCandidate {
  return {
    expiresOn: EXPIRES,
    revoked: false,
    therapistLeft: false,
    renewed: false,
    sent: [],
    ...overrides,
  };
}

describe(dueNotice.name, () => {
  it('sends nothing more than 30 days before expiry', () => {
    expect(dueNotice(candidate(), '2026-05-01')).toBeUndefined();
  });

  it('sends the 30-day warning exactly 30 days before expiry', () => {
    expect(dueNotice(candidate(), '2026-05-02')).toBe('expiring_30');
  });

  it('sends the 7-day warning exactly 7 days before expiry', () => {
    expect(dueNotice(candidate({ sent: ['expiring_30'] }), '2026-05-25')).toBe('expiring_7');
  });

  it('sends "expired" on the expiry day', () => {
    expect(dueNotice(candidate({ sent: ['expiring_30', 'expiring_7'] }), EXPIRES)).toBe('expired');
  });

  it('never sends a notice twice', () => {
    expect(dueNotice(candidate({ sent: ['expiring_30'] }), '2026-05-02')).toBeUndefined();
    expect(dueNotice(candidate({ sent: ['expiring_30'] }), '2026-05-10')).toBeUndefined();
    expect(dueNotice(candidate({ sent: ['expiring_7'] }), '2026-05-30')).toBeUndefined();
    expect(dueNotice(candidate({ sent: ['expired'] }), '2026-06-05')).toBeUndefined();
  });

  it('catches up a missed 30-day warning while it is still the most urgent one', () => {
    expect(dueNotice(candidate(), '2026-05-20')).toBe('expiring_30');
  });

  it('sends only the 7-day warning, not a stale 30-day one, after missing both days', () => {
    expect(dueNotice(candidate(), '2026-05-28')).toBe('expiring_7');
  });

  it('sends "expired" late, and no warnings, when every earlier run was missed', () => {
    expect(dueNotice(candidate(), '2026-06-04')).toBe('expired');
  });

  it('does not send a less urgent notice when run for an earlier day again', () => {
    expect(dueNotice(candidate({ sent: ['expiring_7'] }), '2026-05-02')).toBeUndefined();
  });

  it('sends nothing for a revoked certification or a therapist who left', () => {
    expect(dueNotice(candidate({ revoked: true }), '2026-05-25')).toBeUndefined();
    expect(dueNotice(candidate({ therapistLeft: true }), EXPIRES)).toBeUndefined();
  });

  it('sends no warnings when already renewed, but still reports the expiry', () => {
    expect(dueNotice(candidate({ renewed: true }), '2026-05-02')).toBeUndefined();
    expect(dueNotice(candidate({ renewed: true }), '2026-05-25')).toBeUndefined();
    expect(dueNotice(candidate({ renewed: true }), EXPIRES)).toBe('expired');
  });
});

import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';

describe(encodeAuditCursor.name, () => {
  it('round-trips a row id, including ids beyond 2^53', () => {
    expect(decodeAuditCursor(encodeAuditCursor('42'))).toBe('42');
    expect(decodeAuditCursor(encodeAuditCursor('9007199254740993'))).toBe('9007199254740993');
  });

  it('refuses anything it did not produce', () => {
    expect(decodeAuditCursor('42')).toBeUndefined();
    expect(decodeAuditCursor(encodeAuditCursor('0'))).toBeUndefined();
    expect(decodeAuditCursor(encodeAuditCursor('1; DROP TABLE audit_log'))).toBeUndefined();
    expect(decodeAuditCursor('au1:')).toBeUndefined();
  });
});

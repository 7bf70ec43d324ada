import { KNOWN_CERTIFICATION_TYPES, normaliseCertificationType } from './certification-type';

describe(normaliseCertificationType.name, () => {
  it('accepts every known type', () => {
    for (const type of KNOWN_CERTIFICATION_TYPES) {
      expect(normaliseCertificationType(type)).toBe(type);
    }
  });

  it('accepts a new snake_case type, trimmed and lower-cased', () => {
    expect(normaliseCertificationType(' Dry_Needling ')).toBe('dry_needling');
  });

  it('rejects spaces, dashes, leading digits and double underscores', () => {
    expect(normaliseCertificationType('first aid')).toBeUndefined();
    expect(normaliseCertificationType('first-aid')).toBeUndefined();
    expect(normaliseCertificationType('1st_aid')).toBeUndefined();
    expect(normaliseCertificationType('first__aid')).toBeUndefined();
    expect(normaliseCertificationType('')).toBeUndefined();
  });
});

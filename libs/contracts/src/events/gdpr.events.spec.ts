import { platformCatalogue } from '../event-catalogue';
import { ClientErasedV1, ClientPurgedV1, GDPR_EVENT_SAMPLES } from './gdpr.events';

describe('gdpr events', () => {
  it.each([ClientErasedV1, ClientPurgedV1])('$type is in the platform catalogue', (definition) => {
    expect(platformCatalogue.find(definition.type, definition.version)).toBe(definition);
  });

  it.each([ClientErasedV1, ClientPurgedV1])(
    '$type has a sample its schema accepts',
    (definition) => {
      expect(definition.schema.safeParse(GDPR_EVENT_SAMPLES[definition.type]).success).toBe(true);
    },
  );

  it('client.erased carries ids and dates only: no reason, name or contact', () => {
    const sample = GDPR_EVENT_SAMPLES[ClientErasedV1.type] as Record<string, unknown>;
    expect(Object.keys(sample).sort()).toEqual([
      'clientId',
      'clinicIds',
      'erasedAt',
      'retentionUntil',
    ]);
    expect(
      ClientErasedV1.schema.safeParse({ ...sample, retentionUntil: '2034-02-30' }).success,
    ).toBe(false);
  });
});

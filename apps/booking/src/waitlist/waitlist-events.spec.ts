import {
  PLATFORM_EVENTS,
  WAITLIST_EVENT_SAMPLES,
  WaitlistExpiredV1,
  WaitlistJoinedV1,
  WaitlistOfferExpiredV1,
  WaitlistOfferMadeV1,
} from '@app/contracts';

describe('waitlist event contracts', () => {
  it.each([WaitlistJoinedV1, WaitlistOfferMadeV1, WaitlistOfferExpiredV1, WaitlistExpiredV1])(
    '$type: public, in the platform catalogue, its sample valid',
    (definition) => {
      expect(definition.visibility).toBe('public');
      expect(PLATFORM_EVENTS).toContain(definition);
      expect(definition.schema.safeParse(WAITLIST_EVENT_SAMPLES[definition.type]).success).toBe(
        true,
      );
    },
  );

  it('an offer without its booking is rejected', () => {
    const { bookingId: _dropped, ...withoutBooking } = WAITLIST_EVENT_SAMPLES[
      'waitlist.offer_made'
    ] as Record<string, unknown>;
    void _dropped;
    expect(WaitlistOfferMadeV1.schema.safeParse(withoutBooking).success).toBe(false);
  });

  it('waitlist.expired carries the window and the ids, and refuses a window that is not dates', () => {
    const sample = WAITLIST_EVENT_SAMPLES['waitlist.expired'] as Record<string, unknown>;
    for (const field of ['entryId', 'clinicId', 'clientId', 'treatmentId', 'fromDate', 'toDate']) {
      const { [field]: _dropped, ...without } = sample;
      void _dropped;
      expect({ field, ok: WaitlistExpiredV1.schema.safeParse(without).success }).toEqual({
        field,
        ok: false,
      });
    }
    expect(WaitlistExpiredV1.schema.safeParse({ ...sample, toDate: '29/03/2026' }).success).toBe(
      false,
    );
  });

  it.each([WaitlistOfferMadeV1, WaitlistOfferExpiredV1])(
    '$type carries the treatment and the clinic-local times with the timezone',
    (definition) => {
      const sample = WAITLIST_EVENT_SAMPLES[definition.type] as Record<string, unknown>;
      for (const field of [
        'therapistId',
        'treatmentId',
        'startsAt',
        'endsAt',
        'localStart',
        'localEnd',
        'timezone',
      ]) {
        const { [field]: _dropped, ...without } = sample;
        void _dropped;
        expect({ field, ok: definition.schema.safeParse(without).success }).toEqual({
          field,
          ok: false,
        });
      }
      expect(
        definition.schema.safeParse({ ...sample, localStart: '2026-03-25T10:00:00Z' }).success,
      ).toBe(false);
    },
  );
});

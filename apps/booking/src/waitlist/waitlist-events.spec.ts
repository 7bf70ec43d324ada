import {
  PLATFORM_EVENTS,
  WAITLIST_EVENT_SAMPLES,
  WaitlistJoinedV1,
  WaitlistOfferExpiredV1,
  WaitlistOfferMadeV1,
} from '@app/contracts';

describe('waitlist event contracts', () => {
  it.each([WaitlistJoinedV1, WaitlistOfferMadeV1, WaitlistOfferExpiredV1])(
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
});

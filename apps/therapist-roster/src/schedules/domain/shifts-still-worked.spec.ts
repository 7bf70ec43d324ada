import { aShift } from './schedule.fixtures';
import { shiftsStillWorked } from './shifts-still-worked';

describe(shiftsStillWorked.name, () => {
  const leeds = aShift({ id: 'leeds', clinicId: 'leeds' });
  const york = aShift({ id: 'york', clinicId: 'york' });

  it('keeps every shift at clinics the therapist is still assigned to', () => {
    expect(
      shiftsStillWorked([leeds, york], { clinicIds: ['leeds', 'york'], leftOn: null }),
    ).toEqual([leeds, york]);
  });

  it('drops shifts at a clinic the therapist was unassigned from', () => {
    expect(
      shiftsStillWorked([leeds, york], { clinicIds: ['leeds'], leftOn: null }).map((s) => s.id),
    ).toEqual(['leeds']);
  });

  it('ends open periods the day before the therapist left', () => {
    expect(shiftsStillWorked([leeds], { clinicIds: ['leeds'], leftOn: '2026-03-02' })).toEqual([
      { ...leeds, effectiveTo: '2026-03-01' },
    ]);
  });

  it('shortens a period running past the leaving day and keeps one ending before it', () => {
    const longer = aShift({ effectiveTo: '2026-12-31' });
    const earlier = aShift({ id: 'earlier', effectiveTo: '2026-02-01' });
    expect(
      shiftsStillWorked([longer, earlier], { clinicIds: ['leeds'], leftOn: '2026-03-02' }),
    ).toEqual([{ ...longer, effectiveTo: '2026-03-01' }, earlier]);
  });

  it('drops periods starting on or after the leaving day', () => {
    const later = aShift({ effectiveFrom: '2026-03-02' });
    expect(shiftsStillWorked([later], { clinicIds: ['leeds'], leftOn: '2026-03-02' })).toEqual([]);
  });
});

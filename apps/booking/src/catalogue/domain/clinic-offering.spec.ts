import { ClinicOffering, clinicTreatmentOf } from './clinic-offering';
import type { Treatment } from './treatment';

const maintenance: Treatment = {
  id: '6f1d2c10-0000-4000-8000-000000000004',
  code: 'MAINTENANCE_45',
  name: 'Maintenance session (45 min)',
  kind: 'treatment',
  durationMinutes: 45,
  bufferAfterMinutes: 10,
  pricePence: 4500,
  currency: 'GBP',
  requiredCertifications: ['pnf_level_1'],
  requiresScreeningClearance: true,
  selfBookable: true,
  active: true,
};

function offering(fields: Partial<ClinicOffering>): ClinicOffering {
  return {
    clinicId: '0b7c4f7e-2f4d-4b7e-9a51-3c1f0c2d8e11',
    treatmentId: maintenance.id,
    offered: true,
    pricePence: null,
    ...fields,
  };
}

describe(clinicTreatmentOf.name, () => {
  it('offers an active treatment at the network price when the clinic has not chosen', () => {
    expect(clinicTreatmentOf(maintenance, undefined)).toEqual({
      treatment: maintenance,
      pricePence: 4500,
      currency: 'GBP',
      priceOverridden: false,
    });
  });

  it("charges the clinic's own price when it set one", () => {
    expect(clinicTreatmentOf(maintenance, offering({ pricePence: 5200 }))).toMatchObject({
      pricePence: 5200,
      priceOverridden: true,
    });
  });

  it('keeps a free clinic price of 0 rather than falling back to the network price', () => {
    expect(clinicTreatmentOf(maintenance, offering({ pricePence: 0 }))).toMatchObject({
      pricePence: 0,
      priceOverridden: true,
    });
  });

  it('does not offer a treatment the clinic turned off', () => {
    expect(clinicTreatmentOf(maintenance, offering({ offered: false }))).toBeUndefined();
  });

  it('never offers a retired treatment, whatever the clinic chose', () => {
    const retired = { ...maintenance, active: false };
    expect(clinicTreatmentOf(retired, undefined)).toBeUndefined();
    expect(clinicTreatmentOf(retired, offering({ offered: true }))).toBeUndefined();
  });
});

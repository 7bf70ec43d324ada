import { randomUUID } from 'node:crypto';
import type { ServiceTestApp } from '@app/platform/test-support/service-test-app';

/** Every field of the Therapist type, for queries in tests. */
export const THERAPIST_FIELDS = `
  id givenName familyName email phone profession hcpcNumber specialties clinicIds status
  joinedAt leftOn`;

export interface TherapistView {
  id: string;
  givenName: string;
  familyName: string;
  email: string | null;
  phone: string | null;
  profession: string;
  hcpcNumber: string | null;
  specialties: string[];
  clinicIds: string[];
  status: string;
  joinedAt: string;
  leftOn: string | null;
}

export const ADD_THERAPIST = `mutation Add($input: AddTherapistInput!) {
  addTherapist(input: $input) { ${THERAPIST_FIELDS} } }`;

let hcpcCounter = 0;

/** A physiotherapist HCPC number no other test in this process has used (each suite has its own database). */
export function uniqueHcpcNumber(): string {
  hcpcCounter += 1;
  return `PH${200_000 + hcpcCounter}`;
}

export function uniqueEmail(): string {
  return `t-${randomUUID().slice(0, 8)}@example.co.uk`;
}

/** Builds therapists through GraphQL: `await make.therapist({ clinicIds: [clinic.id] })`. */
export class TherapistFactory {
  constructor(
    private readonly app: ServiceTestApp,
    private readonly token: string,
  ) {}

  input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      givenName: 'Sam',
      familyName: 'Okafor',
      email: uniqueEmail(),
      phone: '+44 113 496 0000',
      profession: 'physiotherapist',
      hcpcNumber: uniqueHcpcNumber(),
      specialties: ['lower_back_pain'],
      ...overrides,
    };
  }

  async therapist(
    overrides: Record<string, unknown> & { clinicIds: string[] },
  ): Promise<TherapistView> {
    const result = await this.app.gql<{ addTherapist: TherapistView }>(
      ADD_THERAPIST,
      { input: this.input(overrides) },
      this.token,
    );
    const therapist = result.data?.addTherapist;
    if (therapist === undefined) {
      throw new Error(`could not add a test therapist: ${JSON.stringify(result.errors)}`);
    }
    return therapist;
  }
}

/**
 * How many rows the therapists and certifications tables and the outbox hold: equal before
 * and after a refused mutation means nothing was written.
 */
export async function rosterFootprint(app: ServiceTestApp): Promise<string> {
  const rows = await app.dataSource.query<{ footprint: unknown }[]>(
    `SELECT json_build_object(
       'therapists', (SELECT json_agg(t ORDER BY t.id) FROM therapist t),
       'assignments', (SELECT count(*) FROM therapist_clinic),
       'certifications', (SELECT json_agg(c ORDER BY c.id) FROM certification c),
       'notices', (SELECT count(*) FROM certification_notice),
       'events', (SELECT count(*) FROM outbox)
     ) AS footprint`,
  );
  return JSON.stringify(rows[0]?.footprint);
}

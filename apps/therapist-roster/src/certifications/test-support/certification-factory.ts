import type { ServiceTestApp } from '@app/platform/test-support/service-test-app';

/** Every field of the Certification type (status as of today), for queries in tests. */
export const CERTIFICATION_FIELDS = `
  id therapistId type issuedOn expiresOn evidenceReference recordedBy recordedAt verified
  verifiedBy verifiedAt revokedOn revocationReason status`;

export interface CertificationView {
  id: string;
  therapistId: string;
  type: string;
  issuedOn: string;
  expiresOn: string | null;
  evidenceReference: string | null;
  recordedBy: string | null;
  recordedAt: string;
  verified: boolean;
  verifiedBy: string | null;
  verifiedAt: string | null;
  revokedOn: string | null;
  revocationReason: string | null;
  status: string;
}

export const RECORD_CERTIFICATION = `mutation($input: RecordCertificationInput!) {
  recordCertification(input: $input) { ${CERTIFICATION_FIELDS} } }`;

/** Records certifications through GraphQL: `await make.certification({ therapistId })`. */
export class CertificationFactory {
  constructor(
    private readonly app: ServiceTestApp,
    private readonly token: string,
  ) {}

  input(overrides: Record<string, unknown> & { therapistId: string }): Record<string, unknown> {
    return {
      type: 'first_aid',
      issuedOn: '2024-01-15',
      expiresOn: '2099-01-15',
      evidenceReference: 'docs/certificates/first-aid.pdf',
      ...overrides,
    };
  }

  async certification(
    overrides: Record<string, unknown> & { therapistId: string },
  ): Promise<CertificationView> {
    const result = await this.app.gql<{ recordCertification: CertificationView }>(
      RECORD_CERTIFICATION,
      { input: this.input(overrides) },
      this.token,
    );
    const certification = result.data?.recordCertification;
    if (certification === undefined) {
      throw new Error(`could not record a test certification: ${JSON.stringify(result.errors)}`);
    }
    return certification;
  }
}

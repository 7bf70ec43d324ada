import { TokenUsageError, parseTokenArgs } from './token-args';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const YORK = 'a0e1f2d3-4c5b-4a69-8877-665544332211';
const THERAPIST = '11111111-2222-4333-8444-555555555555';

function usageError(argv: readonly string[]): string {
  try {
    parseTokenArgs(argv);
  } catch (error: unknown) {
    if (error instanceof TokenUsageError) {
      return error.message;
    }
    throw error;
  }
  throw new Error('expected a usage error');
}

describe(parseTokenArgs.name, () => {
  it('reads a clinic manager for two clinics', () => {
    expect(
      parseTokenArgs(['--role', 'clinic_manager', '--clinic', CLINIC, '--clinic', YORK]),
    ).toEqual({
      kind: 'sign',
      request: { role: 'clinic_manager', clinicIds: [CLINIC, YORK], scopes: [], ttl: '8h' },
    });
  });

  it('reads scopes, subject, ttl and a therapist id', () => {
    expect(
      parseTokenArgs([
        '--role=therapist',
        `--clinic=${CLINIC}`,
        '--therapist-id',
        THERAPIST,
        '--scope',
        'a:read b:read',
        '--sub',
        'sam',
        '--ttl',
        '15m',
      ]),
    ).toEqual({
      kind: 'sign',
      request: {
        role: 'therapist',
        clinicIds: [CLINIC],
        scopes: ['a:read', 'b:read'],
        subject: 'sam',
        therapistId: THERAPIST,
        ttl: '15m',
      },
    });
  });

  it('answers --help', () => {
    expect(parseTokenArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('requires a role and lists the valid ones', () => {
    expect(usageError([])).toContain(
      '--role is required; one of: head_office_admin, clinical_lead',
    );
  });

  it('rejects an unknown role', () => {
    expect(usageError(['--role', 'boss'])).toContain('--role "boss" is not a role');
  });

  it('rejects a clinic that is not a UUID', () => {
    expect(usageError(['--role', 'clinic_manager', '--clinic', 'leeds'])).toContain(
      '--clinic "leeds" is not a UUID',
    );
  });

  it('asks a clinic role for a clinic', () => {
    expect(usageError(['--role', 'receptionist'])).toBe(
      '--role receptionist needs at least one --clinic <uuid> (the clinic it acts for)',
    );
  });

  it('asks an integrator for a scope', () => {
    expect(usageError(['--role', 'integrator', '--clinic', CLINIC])).toContain('--scope <scope>');
  });

  it('asks a therapist for a therapist id and refuses one for other roles', () => {
    expect(usageError(['--role', 'therapist', '--clinic', CLINIC])).toContain(
      'needs --therapist-id',
    );
    expect(usageError(['--role', 'head_office_admin', '--therapist-id', THERAPIST])).toBe(
      '--therapist-id applies only to --role therapist',
    );
  });

  it('asks a client for a client id', () => {
    expect(usageError(['--role', 'client'])).toContain('needs --client-id');
  });

  it('rejects a bad ttl', () => {
    expect(usageError(['--role', 'clinical_lead', '--ttl', '2 weeks'])).toContain(
      '--ttl "2 weeks"',
    );
  });

  it('rejects unknown flags and stray words, pointing at --help', () => {
    expect(usageError(['--role', 'clinical_lead', '--clinics', CLINIC])).toContain(
      'npm run token -- --help',
    );
    expect(usageError(['clinical_lead'])).toContain('npm run token -- --help');
  });
});

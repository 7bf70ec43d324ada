import { AuthError } from '../auth.errors';
import type { Caller } from '../caller';
import type { JwtVerifier } from '../jwt-verifier';
import { authorizeAccess } from './authorize-access';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const receptionist: Caller = {
  subject: 'r',
  role: 'receptionist',
  clinicIds: [CLINIC],
  scopes: [],
};

/** Accepts exactly `Bearer good` as the receptionist; records what it was asked. */
class FakeVerifier implements Pick<JwtVerifier, 'verifyAuthorizationHeader'> {
  readonly seen: Array<string | readonly string[] | undefined> = [];

  verifyAuthorizationHeader(header: string | readonly string[] | undefined): Promise<Caller> {
    this.seen.push(header);
    return header === 'Bearer good'
      ? Promise.resolve(receptionist)
      : Promise.reject(AuthError.unauthenticated('the bearer token is not valid'));
  }
}

describe(authorizeAccess.name, () => {
  it('lets a public operation through without looking at the token', async () => {
    const verifier = new FakeVerifier();
    await expect(
      authorizeAccess({ isPublic: true, requiredRoles: [], authorization: undefined }, verifier),
    ).resolves.toBeUndefined();
    expect(verifier.seen).toEqual([]);
  });

  it('returns the verified caller of a guarded operation', async () => {
    await expect(
      authorizeAccess(
        { isPublic: false, requiredRoles: [], authorization: 'Bearer good' },
        new FakeVerifier(),
      ),
    ).resolves.toBe(receptionist);
  });

  it('refuses a guarded operation without a valid token', async () => {
    await expect(
      authorizeAccess(
        { isPublic: false, requiredRoles: [], authorization: undefined },
        new FakeVerifier(),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a caller without a required role, naming the role needed', async () => {
    const outcome = authorizeAccess(
      {
        isPublic: false,
        requiredRoles: ['clinic_manager', 'head_office_admin'],
        authorization: 'Bearer good',
      },
      new FakeVerifier(),
    );
    await expect(outcome).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(
        'this operation needs the role clinic_manager or head_office_admin; your token has the role receptionist',
      ),
    });
  });

  it('admits a caller holding one of the required roles', async () => {
    await expect(
      authorizeAccess(
        {
          isPublic: false,
          requiredRoles: ['clinic_manager', 'receptionist'],
          authorization: 'Bearer good',
        },
        new FakeVerifier(),
      ),
    ).resolves.toBe(receptionist);
  });

  it('reuses a caller already verified in this request', async () => {
    const verifier = new FakeVerifier();
    await authorizeAccess(
      {
        isPublic: false,
        requiredRoles: [],
        authorization: 'Bearer good',
        knownCaller: receptionist,
      },
      verifier,
    );
    expect(verifier.seen).toEqual([]);
  });
});

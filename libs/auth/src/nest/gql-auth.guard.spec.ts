import { generateKeyPairSync } from 'node:crypto';
import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { GraphQLError } from 'graphql';
import type { Caller } from '../caller';
import { signDevToken } from '../dev/dev-token';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER } from '../jwt-defaults';
import { JwtVerifier } from '../jwt-verifier';
import type { AuthRequest } from './auth-request';
import { currentCallerOf } from './current-caller.decorator';
import { GqlAuthGuard } from './gql-auth.guard';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const verifier = JwtVerifier.create({
  key: { kind: 'pem', pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
  issuer: DEFAULT_JWT_ISSUER,
  audience: DEFAULT_JWT_AUDIENCE,
});

class BookingsResolver {
  bookings(): string {
    return 'guarded';
  }

  @Public()
  health(): string {
    return 'ok';
  }

  @Roles('clinic_manager', 'head_office_admin')
  cancelAll(): string {
    return 'manager only';
  }
}

@Roles('head_office_admin')
class NetworkResolver {
  kpis(): string {
    return 'head office';
  }

  @Roles('clinical_lead')
  governance(): string {
    return 'clinical lead';
  }
}

type Handler = (...args: never[]) => unknown;

function graphqlContext(target: object, handler: Handler, request: AuthRequest): ExecutionContext {
  const host = new ExecutionContextHost(
    [{}, {}, { req: request }, {}],
    target.constructor as never,
    handler,
  );
  host.setType('graphql');
  return host;
}

function httpContext(target: object, handler: Handler, request: AuthRequest): ExecutionContext {
  return new ExecutionContextHost(
    [request, {}, () => undefined],
    target.constructor as never,
    handler,
  );
}

async function bearer(
  role: 'clinic_manager' | 'receptionist' | 'head_office_admin',
): Promise<string> {
  const clinicIds = role === 'head_office_admin' ? [] : [CLINIC];
  return `Bearer ${await signDevToken({ role, clinicIds }, privateKey)}`;
}

async function thrownBy(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the guard to refuse');
}

describe(GqlAuthGuard.name, () => {
  const guard = new GqlAuthGuard(new Reflector(), verifier);
  const bookings = new BookingsResolver();
  const network = new NetworkResolver();

  it('attaches the verified caller to the GraphQL request', async () => {
    const request: AuthRequest = { headers: { authorization: await bearer('receptionist') } };
    await expect(
      guard.canActivate(graphqlContext(bookings, bookings.bookings, request)),
    ).resolves.toBe(true);
    expect(request.caller).toEqual<Caller>({
      subject: 'dev-receptionist',
      role: 'receptionist',
      clinicIds: [CLINIC],
      scopes: [],
    });
  });

  it('refuses a GraphQL request without a token with UNAUTHENTICATED and a hint', async () => {
    const error = await thrownBy(
      guard.canActivate(graphqlContext(bookings, bookings.bookings, { headers: {} })),
    );
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('npm run token -- --role'),
    });
  });

  it('refuses a GraphQL context that carries no request', async () => {
    const host = new ExecutionContextHost([{}, {}, {}, {}], BookingsResolver, bookings.bookings);
    host.setType('graphql');
    await expect(guard.canActivate(host)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('lets the public health query through without a token', async () => {
    await expect(
      guard.canActivate(graphqlContext(bookings, bookings.health, { headers: {} })),
    ).resolves.toBe(true);
  });

  it('refuses a caller without the role a method requires with FORBIDDEN', async () => {
    const request: AuthRequest = { headers: { authorization: await bearer('receptionist') } };
    const error = await thrownBy(
      guard.canActivate(graphqlContext(bookings, bookings.cancelAll, request)),
    );
    expect(error).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('needs the role clinic_manager or head_office_admin'),
    });
  });

  it('admits a caller with the role a method requires', async () => {
    const request: AuthRequest = { headers: { authorization: await bearer('clinic_manager') } };
    await expect(
      guard.canActivate(graphqlContext(bookings, bookings.cancelAll, request)),
    ).resolves.toBe(true);
  });

  it('applies class roles, letting method roles override them', async () => {
    const manager: AuthRequest = { headers: { authorization: await bearer('clinic_manager') } };
    await expect(
      thrownBy(guard.canActivate(graphqlContext(network, network.kpis, manager))),
    ).resolves.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const admin: AuthRequest = { headers: { authorization: await bearer('head_office_admin') } };
    await expect(
      thrownBy(guard.canActivate(graphqlContext(network, network.governance, admin))),
    ).resolves.toMatchObject({
      message: expect.stringContaining('needs the role clinical_lead'),
    });
  });

  it('answers HTTP handlers with 401 and 403', async () => {
    await expect(
      guard.canActivate(httpContext(bookings, bookings.bookings, { headers: {} })),
    ).rejects.toBeInstanceOf(UnauthorizedException);
    const request: AuthRequest = { headers: { authorization: await bearer('receptionist') } };
    await expect(
      guard.canActivate(httpContext(bookings, bookings.cancelAll, request)),
    ).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('leaves other transports (Kafka handlers) to the event envelope', async () => {
    const host = new ExecutionContextHost([{}, {}], BookingsResolver, bookings.bookings);
    host.setType('rpc');
    await expect(guard.canActivate(host)).resolves.toBe(true);
  });
});

describe(currentCallerOf.name, () => {
  const bookings = new BookingsResolver();

  it('returns the caller the guard attached', () => {
    const caller: Caller = { subject: 's', role: 'head_office_admin', clinicIds: [], scopes: [] };
    expect(
      currentCallerOf(graphqlContext(bookings, bookings.bookings, { headers: {}, caller })),
    ).toBe(caller);
  });

  it('refuses with UNAUTHENTICATED when no caller was attached', () => {
    let thrown: unknown;
    try {
      currentCallerOf(graphqlContext(bookings, bookings.health, { headers: {} }));
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect(thrown).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

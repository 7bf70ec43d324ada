import type { Caller } from '@app/auth';
import { BookingCommand, BookingParties, denialOf, roleDenialOf } from './booking-permissions';

const CLINIC = '3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10';
const OTHER_CLINIC = 'a0e1f2d3-4c5b-4a69-8877-665544332211';
const CLIENT = '0c1e4a7b-1111-4a2b-8c3d-000000000001';
const OTHER_CLIENT = '0c1e4a7b-1111-4a2b-8c3d-000000000002';
const THERAPIST = '7d2f5b8c-2222-4b3c-9d4e-000000000001';
const OTHER_THERAPIST = '7d2f5b8c-2222-4b3c-9d4e-000000000002';

const booking: BookingParties = { clinicId: CLINIC, clientId: CLIENT, therapistId: THERAPIST };

const COMMANDS: readonly BookingCommand[] = [
  'hold',
  'confirm',
  'reschedule',
  'cancel',
  'check_in',
  'complete',
  'no_show',
];
const EVERYTHING = COMMANDS;
const NOTHING: readonly BookingCommand[] = [];
const CLIENT_COMMANDS: readonly BookingCommand[] = ['hold', 'confirm', 'reschedule', 'cancel'];
const THERAPIST_COMMANDS: readonly BookingCommand[] = ['complete', 'no_show'];

function caller(fields: Partial<Caller> & Pick<Caller, 'role'>): Caller {
  return { subject: `${fields.role}-1`, clinicIds: [], scopes: [], ...fields };
}

/** Who calls, about the booking above, and which commands the policy lets them run. */
const CALLERS: readonly [name: string, caller: Caller, allowed: readonly BookingCommand[]][] = [
  [
    'head office admin (no clinics in the token)',
    caller({ role: 'head_office_admin' }),
    EVERYTHING,
  ],
  ['clinical lead', caller({ role: 'clinical_lead', clinicIds: [CLINIC] }), NOTHING],
  [
    'clinic manager of the clinic',
    caller({ role: 'clinic_manager', clinicIds: [CLINIC] }),
    EVERYTHING,
  ],
  [
    'clinic manager of another clinic',
    caller({ role: 'clinic_manager', clinicIds: [OTHER_CLINIC] }),
    NOTHING,
  ],
  [
    'receptionist of the clinic (among others)',
    caller({ role: 'receptionist', clinicIds: [OTHER_CLINIC, CLINIC] }),
    EVERYTHING,
  ],
  [
    'receptionist of another clinic',
    caller({ role: 'receptionist', clinicIds: [OTHER_CLINIC] }),
    NOTHING,
  ],
  ['client whose booking it is', caller({ role: 'client', clientId: CLIENT }), CLIENT_COMMANDS],
  [
    "client of another client's booking",
    caller({ role: 'client', clientId: OTHER_CLIENT }),
    NOTHING,
  ],
  ['client without a client id', caller({ role: 'client' }), NOTHING],
  [
    'therapist whose booking it is',
    caller({ role: 'therapist', therapistId: THERAPIST, clinicIds: [CLINIC] }),
    THERAPIST_COMMANDS,
  ],
  [
    "therapist of the clinic, another therapist's booking",
    caller({ role: 'therapist', therapistId: OTHER_THERAPIST, clinicIds: [CLINIC] }),
    NOTHING,
  ],
  [
    'integrator with bookings:write, the clinic in its grant',
    caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['bookings:write'] }),
    CLIENT_COMMANDS,
  ],
  [
    'integrator with bookings:write, the clinic not in its grant',
    caller({ role: 'integrator', clinicIds: [OTHER_CLINIC], scopes: ['bookings:write'] }),
    NOTHING,
  ],
  [
    'integrator with bookings:read only, the clinic in its grant',
    caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['bookings:read'] }),
    NOTHING,
  ],
  [
    'integrator without a bookings scope, the clinic in its grant',
    caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['events:read'] }),
    NOTHING,
  ],
];

const TABLE = CALLERS.flatMap(([name, who, allowed]) =>
  COMMANDS.map((command) => ({
    name,
    who,
    command,
    allowed: allowed.includes(command),
    verdict: allowed.includes(command) ? 'may' : 'may not',
  })),
);

describe(denialOf.name, () => {
  it('covers every role', () => {
    expect(new Set(CALLERS.map(([, who]) => who.role))).toEqual(
      new Set([
        'head_office_admin',
        'clinical_lead',
        'clinic_manager',
        'receptionist',
        'therapist',
        'client',
        'integrator',
      ]),
    );
  });

  it.each(TABLE)('$name $verdict $command', ({ who, command, allowed }) => {
    const denial = denialOf(who, command, booking);
    if (allowed) {
      expect(denial).toBeUndefined();
    } else {
      expect(denial).toEqual(expect.any(String));
      expect(denial).not.toBe('');
    }
  });

  describe('says what to do instead', () => {
    it.each([
      [
        'a receptionist of another clinic is told to ask that clinic',
        caller({ role: 'receptionist', clinicIds: [OTHER_CLINIC] }),
        'cancel' as const,
        `clinic ${CLINIC} is not one of the clinics your login works for`,
      ],
      [
        'a client is told the clinic checks clients in',
        caller({ role: 'client', clientId: CLIENT }),
        'check_in' as const,
        'a client cannot check clients in; the clinic does that',
      ],
      [
        'a client is told they may change only their own appointments',
        caller({ role: 'client', clientId: OTHER_CLIENT }),
        'reschedule' as const,
        'clients may only book, move and cancel their own appointments',
      ],
      [
        'a therapist is told to ask reception to check in',
        caller({ role: 'therapist', therapistId: THERAPIST }),
        'check_in' as const,
        'a therapist cannot check clients in; ask reception',
      ],
      [
        'a therapist is told they may complete only their own appointments',
        caller({ role: 'therapist', therapistId: OTHER_THERAPIST }),
        'complete' as const,
        'therapists may only complete or mark no-shows for their own appointments',
      ],
      [
        'an integrator without bookings:write is told the scope it needs',
        caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['bookings:read'] }),
        'hold' as const,
        'needs the scope bookings:write',
      ],
      [
        'an integrator outside its grant is told the clinic is not in it',
        caller({ role: 'integrator', clinicIds: [OTHER_CLINIC], scopes: ['bookings:write'] }),
        'hold' as const,
        `clinic ${CLINIC} is not in your integration's grant`,
      ],
      [
        'an integrator is told the clinic marks no-shows',
        caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['bookings:write'] }),
        'no_show' as const,
        'an integrator cannot mark no-shows; the clinic does that',
      ],
      [
        'a clinical lead is told to ask the clinic',
        caller({ role: 'clinical_lead' }),
        'confirm' as const,
        'clinical leads see bookings but do not change them; ask the clinic',
      ],
    ])('%s', (_name, who, command, message) => {
      expect(denialOf(who, command, booking)).toContain(message);
    });
  });

  describe('compares ids whatever their letter case', () => {
    const upper: BookingParties = {
      clinicId: CLINIC.toUpperCase(),
      clientId: CLIENT.toUpperCase(),
      therapistId: THERAPIST.toUpperCase(),
    };

    it.each([
      [
        'a client holding for their own id in capitals',
        caller({ role: 'client', clientId: CLIENT }),
        'hold' as const,
      ],
      [
        'a therapist completing their own booking given in capitals',
        caller({ role: 'therapist', therapistId: THERAPIST }),
        'complete' as const,
      ],
      [
        'a receptionist at a clinic given in capitals',
        caller({ role: 'receptionist', clinicIds: [CLINIC] }),
        'hold' as const,
      ],
      [
        'an integrator at a clinic given in capitals',
        caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['bookings:write'] }),
        'hold' as const,
      ],
    ])('allows %s', (_name, who, command) => {
      expect(denialOf(who, command, upper)).toBeUndefined();
    });

    it("still refuses another client's id in capitals", () => {
      expect(
        denialOf(caller({ role: 'client', clientId: OTHER_CLIENT }), 'hold', upper),
      ).toBeDefined();
    });
  });

  describe('roleDenialOf: refusals that do not depend on the booking (checked before the lookup)', () => {
    it.each(CALLERS.flatMap(([name, who, allowed]) => allowed.map((c) => [name, who, c] as const)))(
      'never refuses what the whole policy allows: %s may %s',
      (_name, who, command) => {
        expect(roleDenialOf(who, command)).toBeUndefined();
      },
    );

    it.each([
      ['a client checking in', caller({ role: 'client', clientId: OTHER_CLIENT }), 'check_in'],
      [
        'another therapist confirming',
        caller({ role: 'therapist', therapistId: OTHER_THERAPIST }),
        'confirm',
      ],
      ['a clinical lead cancelling', caller({ role: 'clinical_lead' }), 'cancel'],
      [
        'an integrator without bookings:write',
        caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['bookings:read'] }),
        'hold',
      ],
      [
        'an integrator checking in',
        caller({ role: 'integrator', clinicIds: [CLINIC], scopes: ['bookings:write'] }),
        'check_in',
      ],
    ] as const)('refuses %s whatever the booking', (_name, who, command) => {
      expect(roleDenialOf(who, command)).toBeDefined();
      expect(denialOf(who, command, booking)).toBe(roleDenialOf(who, command));
    });

    it.each([
      [
        'a receptionist of another clinic',
        caller({ role: 'receptionist', clinicIds: [OTHER_CLINIC] }),
      ],
      ['another client', caller({ role: 'client', clientId: OTHER_CLIENT })],
      [
        'an integrator outside its grant',
        caller({ role: 'integrator', clinicIds: [OTHER_CLINIC], scopes: ['bookings:write'] }),
      ],
    ] as const)('leaves %s to the booking check (it depends on the booking)', (_name, who) => {
      expect(roleDenialOf(who, 'cancel')).toBeUndefined();
      expect(denialOf(who, 'cancel', booking)).toBeDefined();
    });
  });
});

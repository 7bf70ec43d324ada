import { randomUUID } from 'node:crypto';
import { envelopeSchema, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { TherapistRosterModule } from '../therapist-roster.module';
import { therapistRosterDefinition } from '../therapist-roster.definition';
import {
  ClinicFactory,
  ClinicView,
  clinicFootprint,
  errorCodes,
  RoomView,
} from './test-support/clinic-factory';

const ROOM_FIELDS = 'id clinicId name status addedAt retiredAt';
const ADD = `mutation Add($input: AddRoomInput!) { addRoom(input: $input) { ${ROOM_FIELDS} } }`;
const RETIRE = `mutation Retire($input: RetireRoomInput!) { retireRoom(input: $input) { ${ROOM_FIELDS} } }`;
const ROOMS = `query Rooms($id: ID!) { clinic(id: $id) { rooms { ${ROOM_FIELDS} } } }`;

describe('therapist-roster clinic rooms', () => {
  let app: ServiceTestApp;
  let headOffice: string;
  let make: ClinicFactory;

  beforeAll(async () => {
    app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot, {
      watchTopics: [TOPICS.roster],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
    make = new ClinicFactory(app, headOffice);
  });

  afterAll(async () => {
    await app.close();
  });

  async function roomsOf(clinicId: string): Promise<RoomView[]> {
    const result = await app.gql<{ clinic: Pick<ClinicView, 'rooms'> }>(
      ROOMS,
      { id: clinicId },
      headOffice,
    );
    return result.data?.clinic.rooms ?? [];
  }

  describe('addRoom', () => {
    it('lets head office add a room and publishes room.added', async () => {
      const clinic = await make.clinic();
      const result = await app.gql<{ addRoom: RoomView }>(
        ADD,
        { input: { clinicId: clinic.id, name: '  Stretch   Room ' } },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      const room = result.data?.addRoom;
      expect(room).toMatchObject({
        clinicId: clinic.id,
        name: 'Stretch Room',
        status: 'active',
        retiredAt: null,
      });
      expect(await roomsOf(clinic.id)).toEqual([room]);

      const event = await app.event('room.added', (e) => e.aggregateId === clinic.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event).toMatchObject({ clinicId: clinic.id, actor: { role: 'head_office_admin' } });
      expect(event.data).toEqual({
        clinicId: clinic.id,
        roomId: room?.id,
        name: 'Stretch Room',
        addedAt: new Date(room?.addedAt ?? 0).toISOString(),
      });
    });

    it('lets a clinic manager add a room to their own clinic', async () => {
      const clinic = await make.clinic();
      const manager = await app.token({ role: 'clinic_manager', clinicIds: [clinic.id] });
      const result = await app.gql<{ addRoom: RoomView }>(
        ADD,
        { input: { clinicId: clinic.id, name: 'Room 2' } },
        manager,
      );
      expect(result.errors).toBeUndefined();
      const event = await app.event('room.added', (e) => e.aggregateId === clinic.id);
      expect(event).toMatchObject({
        actor: { role: 'clinic_manager' },
        data: { roomId: result.data?.addRoom.id, name: 'Room 2' },
      });
    });

    it('refuses a clinic manager of another clinic and writes nothing', async () => {
      const clinic = await make.clinic();
      const manager = await app.token({ role: 'clinic_manager', clinicIds: [randomUUID()] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        ADD,
        { input: { clinicId: clinic.id, name: 'Room 9' } },
        manager,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it.each(['receptionist', 'clinical_lead'] as const)(
      'refuses a %s of that clinic and writes nothing',
      async (role) => {
        const clinic = await make.clinic();
        const token = await app.token({ role, clinicIds: [clinic.id] });
        const before = await clinicFootprint(app, clinic.id);
        const result = await app.gql(
          ADD,
          { input: { clinicId: clinic.id, name: 'Room 9' } },
          token,
        );
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
        expect(await clinicFootprint(app, clinic.id)).toBe(before);
      },
    );

    it('refuses a name an active room already has (ignoring case) and writes nothing', async () => {
      const clinic = await make.clinic({ rooms: ['Room 1'] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        ADD,
        { input: { clinicId: clinic.id, name: 'ROOM 1' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['ROOM_NAME_TAKEN']);
      expect(result.errors?.[0]?.message).toContain('already has an active room called "Room 1"');
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('refuses a blank name and writes nothing', async () => {
      const clinic = await make.clinic();
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        ADD,
        { input: { clinicId: clinic.id, name: '   ' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['INVALID_ROOM_NAME']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('answers CLINIC_NOT_FOUND for an unknown clinic and CLINIC_CLOSED for a closed one', async () => {
      const unknown = await app.gql(
        ADD,
        { input: { clinicId: randomUUID(), name: 'R' } },
        headOffice,
      );
      expect(errorCodes(unknown)).toEqual(['CLINIC_NOT_FOUND']);
      const clinic = await make.clinic();
      await make.status(clinic.id, 'closed');
      const closed = await app.gql(ADD, { input: { clinicId: clinic.id, name: 'R' } }, headOffice);
      expect(errorCodes(closed)).toEqual(['CLINIC_CLOSED']);
    });
  });

  describe('retireRoom', () => {
    it('retires a room, keeps it for history, and publishes room.retired', async () => {
      const clinic = await make.clinic({ rooms: ['Room 1', 'Room 2'] });
      const [room1, room2] = clinic.rooms;
      const manager = await app.token({ role: 'clinic_manager', clinicIds: [clinic.id] });
      const result = await app.gql<{ retireRoom: RoomView }>(
        RETIRE,
        { input: { clinicId: clinic.id, roomId: room1?.id } },
        manager,
      );
      expect(result.errors).toBeUndefined();
      const retired = result.data?.retireRoom;
      expect(retired).toMatchObject({ id: room1?.id, name: 'Room 1', status: 'retired' });
      expect(retired?.retiredAt).not.toBeNull();
      expect((await roomsOf(clinic.id)).map((r) => [r.name, r.status])).toEqual([
        ['Room 1', 'retired'],
        ['Room 2', 'active'],
      ]);
      expect(room2?.status).toBe('active');

      const event = await app.event('room.retired', (e) => e.aggregateId === clinic.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event).toMatchObject({ clinicId: clinic.id, actor: { role: 'clinic_manager' } });
      expect(event.data).toEqual({
        clinicId: clinic.id,
        roomId: room1?.id,
        name: 'Room 1',
        retiredAt: new Date(retired?.retiredAt ?? 0).toISOString(),
      });
    });

    it("lets a retired room's name be used again", async () => {
      const clinic = await make.clinic({ rooms: ['Room 1'] });
      await app.gql(
        RETIRE,
        { input: { clinicId: clinic.id, roomId: clinic.rooms[0]?.id } },
        headOffice,
      );
      const again = await app.gql<{ addRoom: RoomView }>(
        ADD,
        { input: { clinicId: clinic.id, name: 'Room 1' } },
        headOffice,
      );
      expect(again.errors).toBeUndefined();
      expect((await roomsOf(clinic.id)).map((r) => r.status)).toEqual(['retired', 'active']);
    });

    it('answers ROOM_ALREADY_RETIRED for a retired room and writes nothing', async () => {
      const clinic = await make.clinic({ rooms: ['Room 1'] });
      const roomId = clinic.rooms[0]?.id;
      await app.gql(RETIRE, { input: { clinicId: clinic.id, roomId } }, headOffice);
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(RETIRE, { input: { clinicId: clinic.id, roomId } }, headOffice);
      expect(errorCodes(result)).toEqual(['ROOM_ALREADY_RETIRED']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it("answers ROOM_NOT_FOUND for an unknown room or another clinic's room", async () => {
      const clinic = await make.clinic({ rooms: ['Room 1'] });
      const other = await make.clinic({ rooms: ['Room 1'] });
      const unknown = await app.gql(
        RETIRE,
        { input: { clinicId: clinic.id, roomId: randomUUID() } },
        headOffice,
      );
      expect(errorCodes(unknown)).toEqual(['ROOM_NOT_FOUND']);
      const before = await clinicFootprint(app, other.id);
      const elsewhere = await app.gql(
        RETIRE,
        { input: { clinicId: clinic.id, roomId: other.rooms[0]?.id } },
        headOffice,
      );
      expect(errorCodes(elsewhere)).toEqual(['ROOM_NOT_FOUND']);
      expect(await clinicFootprint(app, other.id)).toBe(before);
    });

    it('refuses a malformed room id', async () => {
      const clinic = await make.clinic();
      const result = await app.gql(
        RETIRE,
        { input: { clinicId: clinic.id, roomId: 'room-1' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['INVALID_ROOM_ID']);
    });

    it.each([
      ['a clinic manager of another clinic', 'clinic_manager', false],
      ['a receptionist of that clinic', 'receptionist', true],
      ['a therapist of that clinic', 'therapist', true],
    ] as const)('refuses %s and writes nothing', async (_case, role, ofThatClinic) => {
      const clinic = await make.clinic({ rooms: ['Room 1'] });
      const token = await app.token({
        role,
        clinicIds: [ofThatClinic ? clinic.id : randomUUID()],
        ...(role === 'therapist' ? { therapistId: randomUUID() } : {}),
      });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        RETIRE,
        { input: { clinicId: clinic.id, roomId: clinic.rooms[0]?.id } },
        token,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });
  });
});

import { BookingCompletedV1 } from '@app/contracts';
import {
  addDays,
  courseDates,
  DEMO_CLIENTS,
  DEMO_TREATMENTS,
  demoClientEmail,
  demoUuid,
  plannedSessions,
  screeningDate,
  sessionRangeOfMotion,
  wallClock,
  zonedInstant,
} from './demo-clients';
import { DEMO_CLINICS, DEMO_THERAPISTS, demoEmail } from './demo-network';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CLIENT_ID = '2b1c7e3a-5d4f-4a1b-9c8d-7e6f5a4b3c2d';
// A week of days to run the seed on, one of them across the October DST change.
const TODAYS = [
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-11-27',
  '2026-11-28',
  '2026-11-29',
  '2026-10-27',
  '2026-04-01',
];

describe(demoUuid.name, () => {
  it('is a stable version-5 layout UUID, different per name', () => {
    expect(demoUuid('booking:a:0')).toMatch(UUID);
    expect(demoUuid('booking:a:0')).toBe(demoUuid('booking:a:0'));
    expect(demoUuid('booking:a:1')).not.toBe(demoUuid('booking:a:0'));
  });
});

describe(courseDates.name, () => {
  it('gives the weekdays from the Monday weeksAgo weeks back', () => {
    // 2026-11-25 is a Wednesday; two weeks back starts on Monday 2026-11-09.
    expect(courseDates('2026-11-25', 2, ['monday', 'wednesday'], 4)).toEqual([
      '2026-11-09',
      '2026-11-11',
      '2026-11-16',
      '2026-11-18',
    ]);
  });

  it('refuses a course that would reach today', () => {
    expect(() => courseDates('2026-11-25', 0, ['monday', 'wednesday'], 2)).toThrow(/before today/);
  });
});

describe(zonedInstant.name, () => {
  it('turns London wall-clock time into UTC in winter and summer', () => {
    expect(zonedInstant('2026-01-12T09:30', 'Europe/London').toISOString()).toBe(
      '2026-01-12T09:30:00.000Z',
    );
    expect(zonedInstant('2026-07-13T09:30', 'Europe/London').toISOString()).toBe(
      '2026-07-13T08:30:00.000Z',
    );
    expect(wallClock(new Date('2026-07-13T08:30:00.000Z'), 'Europe/London')).toBe(
      '2026-07-13T09:30',
    );
  });
});

describe(addDays.name, () => {
  it('moves across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('DEMO_CLIENTS', () => {
  const courses = DEMO_CLIENTS.flatMap((client) =>
    client.course === undefined ? [] : [{ client, course: client.course }],
  );

  it('spreads 8–12 clients over the three demo clinics with unique emails', () => {
    expect(DEMO_CLIENTS.length).toBeGreaterThanOrEqual(8);
    expect(DEMO_CLIENTS.length).toBeLessThanOrEqual(12);
    expect(new Set(DEMO_CLIENTS.map((c) => c.clinic))).toEqual(
      new Set(DEMO_CLINICS.map((c) => c.code)),
    );
    const emails = DEMO_CLIENTS.map(demoClientEmail);
    expect(new Set(emails).size).toBe(emails.length);
    emails.forEach((email) => expect(email).toMatch(/^[a-z]+\.[a-z]+@example\.com$/));
  });

  it('has the screening mix: GP clearance needed (one cleared later) and one not suitable', () => {
    const flagged = DEMO_CLIENTS.filter((c) => c.screening.redFlags.length > 0);
    expect(
      flagged.filter((c) => c.screening.redFlags.includes('cauda_equina_symptoms')),
    ).toHaveLength(1);
    expect(flagged.filter((c) => c.gpClearance !== undefined)).toHaveLength(1);
    expect(
      flagged.filter((c) => c.gpClearance === undefined && c.course === undefined).length,
    ).toBeGreaterThanOrEqual(2);
    // Only cleared clients (with no red flags, or with a GP clearance) have sessions.
    courses.forEach(({ client }) =>
      expect(client.screening.redFlags.length === 0 || client.gpClearance !== undefined).toBe(true),
    );
  });

  it('shows improving pain trends and exactly one worsening', () => {
    const trends = courses.map(({ course }) => {
      const before = course.pain.before;
      return before[before.length - 1] - before[0];
    });
    expect(trends.filter((change) => change > 0)).toHaveLength(1);
    expect(trends.filter((change) => change <= -2).length).toBeGreaterThanOrEqual(4);
    courses.forEach(({ course }) => {
      expect(course.pain.after).toHaveLength(course.pain.before.length);
      [...course.pain.before, ...course.pain.after].forEach((score) => {
        expect(Number.isInteger(score) && score >= 0 && score <= 10).toBe(true);
      });
    });
  });

  it('has one mild and one severe adverse event, each after a session of its course', () => {
    const events = courses.flatMap(({ course }) =>
      (course.adverseEvents ?? []).map((event) => ({ event, sessions: course.pain.before.length })),
    );
    expect(events.map(({ event }) => event.severity).sort()).toEqual(['mild', 'severe']);
    events.forEach(({ event, sessions }) => expect(event.afterSession).toBeLessThan(sessions));
  });

  it('is treated by demo therapists who work at the client clinic', () => {
    courses.forEach(({ client, course }) => {
      const therapist = DEMO_THERAPISTS.find((t) => demoEmail(t) === demoEmail(course.therapist));
      expect(therapist?.week[client.clinic]?.days).toEqual(expect.arrayContaining(course.weekdays));
    });
  });

  it.each(TODAYS)(
    'on %s: screening, GP clearance and consent come before the sessions, all in the past and within a year',
    (today) => {
      for (const client of DEMO_CLIENTS) {
        const screened = screeningDate(client, today);
        expect(screened < today).toBe(true);
        expect(screened > addDays(today, -300)).toBe(true);
        const sessions =
          client.course === undefined
            ? []
            : plannedSessions({
                today,
                course: client.course,
                clientId: CLIENT_ID,
                clinicId: CLIENT_ID,
                therapistId: CLIENT_ID,
                timezone: 'Europe/London',
                roomId: null,
              });
        if (client.gpClearance !== undefined) {
          const clearedOn = addDays(screened, client.gpClearance.daysAfterScreening);
          expect(clearedOn < (sessions[0]?.booking.localStart ?? today)).toBe(true);
        }
        for (const session of sessions) {
          expect(session.booking.localStart.slice(0, 10) > screened).toBe(true);
          expect(session.booking.localStart.slice(0, 10) < today).toBe(true);
        }
      }
    },
  );
});

describe(plannedSessions.name, () => {
  const client = DEMO_CLIENTS.find((c) => c.course !== undefined)!;
  const sessions = plannedSessions({
    today: '2026-11-25',
    course: client.course!,
    clientId: CLIENT_ID,
    clinicId: '0b6e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    therapistId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    timezone: 'Europe/London',
    roomId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  });

  it('gives valid booking.completed payloads with stable ids, the first an initial assessment', () => {
    sessions.forEach((session) =>
      expect(() => BookingCompletedV1.schema.parse(session.booking)).not.toThrow(),
    );
    expect(sessions[0]?.booking.treatmentId).toBe(DEMO_TREATMENTS.INITIAL_ASSESSMENT.id);
    expect(sessions[1]?.booking.treatmentId).toBe(DEMO_TREATMENTS[client.course!.treatment].id);
    expect(sessions.map((s) => s.booking.bookingId)).toEqual(
      sessions.map((_, index) => demoUuid(`booking:${CLIENT_ID}:${index}`)),
    );
    expect(sessions[0]?.booking.localStart).toBe(
      `${sessions[0]?.booking.localStart.slice(0, 10)}T${client.course!.time}`,
    );
  });

  it('measures range of motion from the first to the latest value', () => {
    const course = client.course!;
    expect(sessionRangeOfMotion(course, 0)).toBe(course.rangeOfMotion.from);
    expect(sessionRangeOfMotion(course, course.pain.before.length - 1)).toBe(
      course.rangeOfMotion.to,
    );
  });
});

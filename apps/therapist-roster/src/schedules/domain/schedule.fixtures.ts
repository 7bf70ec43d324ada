import type { ClinicSchedule, WeeklyHours } from '../../clinics/domain/opening-hours';
import type { PatternShift } from './pattern-shift';

/** Typed builders for the domain unit tests. */
export const NINE_TO_FIVE_WEEKDAYS: WeeklyHours = {
  monday: [{ start: '09:00', end: '17:00' }],
  tuesday: [{ start: '09:00', end: '17:00' }],
  wednesday: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
  thursday: [{ start: '09:00', end: '17:00' }],
  friday: [{ start: '09:00', end: '17:00' }],
  saturday: [{ start: '09:00', end: '13:00' }],
  sunday: [{ start: '00:00', end: '24:00' }],
};

export function aShift(overrides: Partial<PatternShift> = {}): PatternShift {
  return {
    id: 'shift-1',
    therapistId: 'therapist-1',
    clinicId: 'leeds',
    weekday: 'monday',
    start: '09:00',
    end: '17:00',
    effectiveFrom: '2026-01-01',
    effectiveTo: null,
    ...overrides,
  };
}

export function aSchedule(overrides: Partial<ClinicSchedule> = {}): ClinicSchedule {
  return {
    clinicId: 'leeds',
    timezone: 'Europe/London',
    weekly: NINE_TO_FIVE_WEEKDAYS,
    exceptions: [],
    ...overrides,
  };
}

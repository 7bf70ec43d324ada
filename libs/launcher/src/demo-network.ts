/** The demo network `npm start` seeds: three clinics, twelve therapists, their week. */

const WEEKDAY_HOURS = [{ start: '08:00', end: '20:00' }];

export const DEMO_OPENING_HOURS = {
  monday: WEEKDAY_HOURS,
  tuesday: WEEKDAY_HOURS,
  wednesday: WEEKDAY_HOURS,
  thursday: WEEKDAY_HOURS,
  friday: WEEKDAY_HOURS,
  saturday: [{ start: '09:00', end: '13:00' }],
  sunday: [],
};

export interface DemoClinic {
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
  readonly address: { line1: string; city: string; postcode: string };
  readonly rooms: readonly string[];
}

export const DEMO_CLINICS: readonly DemoClinic[] = [
  {
    code: 'LDS-01',
    name: 'Leeds City Stretch Clinic',
    timezone: 'Europe/London',
    address: { line1: '12 Park Row', city: 'Leeds', postcode: 'LS1 5HD' },
    rooms: ['Room 1', 'Room 2', 'Room 3'],
  },
  {
    code: 'MAN-01',
    name: 'Manchester Northern Quarter Stretch Clinic',
    timezone: 'Europe/London',
    address: { line1: '40 Oldham Street', city: 'Manchester', postcode: 'M1 1JN' },
    rooms: ['Studio A', 'Studio B'],
  },
  {
    code: 'BRS-01',
    name: 'Bristol Harbourside Stretch Clinic',
    timezone: 'Europe/London',
    address: { line1: '3 Canons Way', city: 'Bristol', postcode: 'BS1 5LL' },
    rooms: ['Harbour Room', 'Quay Room'],
  },
];

type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface DemoTherapist {
  readonly givenName: string;
  readonly familyName: string;
  readonly profession: 'physiotherapist' | 'sports_therapist' | 'stretch_therapist';
  readonly hcpcNumber?: string;
  readonly specialties: readonly string[];
  /** Clinic code → the weekdays worked there, with one shift a day. */
  readonly week: Readonly<Record<string, { days: readonly Weekday[]; start: string; end: string }>>;
}

const EARLY = { start: '08:30', end: '16:30' };
const LATE = { start: '11:30', end: '19:30' };

export const DEMO_THERAPISTS: readonly DemoTherapist[] = [
  {
    givenName: 'Amira',
    familyName: 'Khan',
    profession: 'physiotherapist',
    hcpcNumber: 'PH104211',
    specialties: ['lower_back_pain', 'sciatica'],
    week: {
      'LDS-01': { days: ['monday', 'tuesday', 'wednesday'], ...EARLY },
      'MAN-01': { days: ['thursday', 'friday'], ...EARLY },
    },
  },
  {
    givenName: 'Tom',
    familyName: 'Whitaker',
    profession: 'physiotherapist',
    hcpcNumber: 'PH98342',
    specialties: ['neck_shoulder', 'osteoarthritis'],
    week: {
      'LDS-01': { days: ['thursday', 'friday', 'saturday'], start: '09:00', end: '13:00' },
      'BRS-01': { days: ['monday', 'tuesday'], ...LATE },
    },
  },
  {
    givenName: 'Grace',
    familyName: 'Okafor',
    profession: 'stretch_therapist',
    specialties: ['fibromyalgia', 'lower_back_pain'],
    week: { 'LDS-01': { days: ['monday', 'wednesday', 'friday'], ...LATE } },
  },
  {
    givenName: 'Daniel',
    familyName: 'Price',
    profession: 'sports_therapist',
    specialties: ['sports_injury', 'neck_shoulder'],
    week: {
      'LDS-01': { days: ['tuesday', 'thursday'], ...LATE },
      'MAN-01': { days: ['saturday'], start: '09:00', end: '13:00' },
    },
  },
  {
    givenName: 'Sophie',
    familyName: 'Brennan',
    profession: 'physiotherapist',
    hcpcNumber: 'PH110587',
    specialties: ['sciatica', 'osteoarthritis'],
    week: { 'MAN-01': { days: ['monday', 'tuesday', 'wednesday'], ...EARLY } },
  },
  {
    givenName: 'Ravi',
    familyName: 'Patel',
    profession: 'stretch_therapist',
    specialties: ['lower_back_pain'],
    week: { 'MAN-01': { days: ['monday', 'wednesday', 'friday'], ...LATE } },
  },
  {
    givenName: 'Hannah',
    familyName: 'Lloyd',
    profession: 'sports_therapist',
    specialties: ['sports_injury'],
    week: {
      'MAN-01': { days: ['tuesday', 'thursday'], ...LATE },
      'LDS-01': { days: ['saturday'], start: '09:00', end: '13:00' },
    },
  },
  {
    givenName: 'Oliver',
    familyName: 'Grant',
    profession: 'physiotherapist',
    hcpcNumber: 'PH87654',
    specialties: ['neck_shoulder', 'fibromyalgia'],
    week: { 'BRS-01': { days: ['wednesday', 'thursday', 'friday'], ...EARLY } },
  },
  {
    givenName: 'Chloe',
    familyName: 'Evans',
    profession: 'stretch_therapist',
    specialties: ['osteoarthritis', 'lower_back_pain'],
    week: { 'BRS-01': { days: ['monday', 'tuesday', 'saturday'], start: '09:00', end: '13:00' } },
  },
  {
    givenName: 'Marcus',
    familyName: 'Reid',
    profession: 'physiotherapist',
    hcpcNumber: 'PH120034',
    specialties: ['sciatica'],
    week: {
      'BRS-01': { days: ['monday', 'tuesday'], ...EARLY },
      'MAN-01': { days: ['thursday'], ...EARLY },
    },
  },
  {
    givenName: 'Isla',
    familyName: 'Campbell',
    profession: 'sports_therapist',
    specialties: ['sports_injury', 'neck_shoulder'],
    week: { 'BRS-01': { days: ['wednesday', 'friday'], ...LATE } },
  },
  {
    givenName: 'Yusuf',
    familyName: 'Ali',
    profession: 'stretch_therapist',
    specialties: ['fibromyalgia'],
    week: { 'LDS-01': { days: ['thursday'], ...EARLY }, 'MAN-01': { days: ['friday'], ...LATE } },
  },
];

export function demoEmail(therapist: Pick<DemoTherapist, 'givenName' | 'familyName'>): string {
  return `${therapist.givenName}.${therapist.familyName}@demo.stretchclinics.example`.toLowerCase();
}

import { GraphQLError } from 'graphql';
import { parseDateTime } from './date-time.scalar';

describe('parseDateTime', () => {
  it.each([
    ['2027-03-28T10:00:00Z', '2027-03-28T10:00:00.000Z'],
    ['2027-03-28T10:00Z', '2027-03-28T10:00:00.000Z'],
    ['2027-03-28T11:00:00+01:00', '2027-03-28T10:00:00.000Z'],
    ['2027-10-31T01:30:00+01:00', '2027-10-31T00:30:00.000Z'],
    ['2027-10-31T01:30:00+00:00', '2027-10-31T01:30:00.000Z'],
    ['2027-03-28T05:00:00.123-05:00', '2027-03-28T10:00:00.123Z'],
    ['2027-03-28t10:00:00z', '2027-03-28T10:00:00.000Z'],
  ])('reads %s as the instant %s', (value, instant) => {
    expect(parseDateTime(value).toISOString()).toBe(instant);
  });

  it.each([
    ['no offset (ambiguous on clock-change days)', '2027-03-28T01:30:00'],
    ['a date only', '2027-03-28'],
    ['not a date', 'tomorrow'],
    ['a day that does not exist', '2027-02-30T10:00:00Z'],
    ['hour 24', '2027-03-28T24:30:00Z'],
    ['a number', 1_806_000_000_000],
    ['an empty string', ''],
  ])('refuses %s with BAD_USER_INPUT and how to write one', (_name, value) => {
    let thrown: unknown;
    try {
      parseDateTime(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    expect((thrown as GraphQLError).message).toContain('e.g. "2027-03-28T10:00:00Z"');
  });
});

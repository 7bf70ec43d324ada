import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';

/**
 * RFC 3339 date-time with an explicit offset: "2027-03-28T10:00:00Z" or
 * "2027-03-28T11:00:00+01:00"; seconds and fractions optional.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

const HINT =
  'send an ISO 8601 date-time with Z or a UTC offset, e.g. "2027-03-28T10:00:00Z" or "2027-03-28T11:00:00+01:00"';

/**
 * The instant a date-time string names, or a GraphQL error (BAD_USER_INPUT) that says how
 * to write one. A time without an offset is refused, not read in the server's zone: a
 * clinic-local wall time is ambiguous on the days the clocks change.
 */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) {
    throw new GraphQLError(`${JSON.stringify(value)} is not a date-time with an offset; ${HINT}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !sameCalendarFields(value, date)) {
    throw new GraphQLError(`${value} is not a real date and time; ${HINT}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** Rejects dates JavaScript would roll over (2027-02-30 -> 2 March, 24:30 -> next day). */
function sameCalendarFields(value: string, date: Date): boolean {
  const offset = /(Z|[+-]\d{2}:\d{2})$/i.exec(value)![1];
  const offsetMinutes =
    offset.toUpperCase() === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const wall = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
  return wall.slice(0, 16) === value.slice(0, 16).toUpperCase();
}

/**
 * Every service's DateTime (TypeScript's Date in the schema): serialised in UTC, parsed
 * strictly (parseDateTime). A provider of the platform module: with federation, Nest takes
 * code-first scalars from @Scalar providers (buildSchemaOptions.scalarsMap is ignored).
 */
@Scalar('DateTime', () => Date)
export class StrictDateTimeScalar implements CustomScalar<string, Date> {
  readonly description =
    'An instant as an ISO 8601 date-time with Z or a UTC offset, e.g. 2027-03-28T10:00:00Z. Returned in UTC.';

  parseValue(value: unknown): Date {
    return parseDateTime(value);
  }

  serialize(value: unknown): string {
    if (value instanceof Date) {
      return value.toISOString();
    }
    if (typeof value === 'string') {
      return new Date(value).toISOString();
    }
    throw new GraphQLError(`cannot return ${String(value)} as a DateTime`);
  }

  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError(`a DateTime must be a string; ${HINT}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parseDateTime(ast.value);
  }
}

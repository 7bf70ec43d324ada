import { GraphQLError } from 'graphql';
import { DomainError, ErrorKind } from './domain-error';

function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'bad_input':
      return 400;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'forbidden':
      return 403;
    default: {
      const unreachable: never = kind;
      throw new Error(`unmapped error kind ${String(unreachable)}`);
    }
  }
}

/** The one place a domain error becomes a GraphQL error with a stable `extensions.code`. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      kind: error.kind,
      status: httpStatusOf(error.kind),
      ...error.details,
    },
  });
}

import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import { toGraphQLError } from './graphql-error-mapper';

/** Turns domain errors thrown by services into GraphQL errors at the edge. */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, _host: ArgumentsHost): GraphQLError {
    return toGraphQLError(error);
  }
}

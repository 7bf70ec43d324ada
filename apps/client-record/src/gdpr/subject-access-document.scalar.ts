import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * The subject access export as one JSON object (see domain/subject-access-document.ts):
 * output only, so a client can save it as the file the data subject receives.
 */
export const SubjectAccessDocumentScalar = new GraphQLScalarType({
  name: 'SubjectAccessDocument',
  description:
    'Everything client-record holds on one client, as a JSON object: format, exportId, clientId, generatedAt, generatedFor, sections, data (one entry per section), careRelationships, erasure and auditTrail.',
  serialize: (value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new GraphQLError('a subject access document must be a JSON object');
    }
    return value;
  },
  parseValue: () => {
    throw new GraphQLError('SubjectAccessDocument is output only');
  },
  parseLiteral: () => {
    throw new GraphQLError('SubjectAccessDocument is output only');
  },
});

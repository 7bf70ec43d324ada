import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { isPublicOperation } from './public-operation';

function isPublic(source: string): boolean {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation === undefined) {
    throw new Error('no operation');
  }
  return isPublicOperation(document, operation);
}

describe(isPublicOperation.name, () => {
  it('lets the health query through without a token', () => {
    expect(isPublic('{ health { status } }')).toBe(true);
    expect(isPublic('query Ping { health { status } __typename }')).toBe(true);
  });

  it('refuses any other root field, even beside health', () => {
    expect(isPublic('{ health { status } clinics { id } }')).toBe(false);
  });

  it('refuses introspection without a token', () => {
    expect(isPublic('{ __schema { types { name } } }')).toBe(false);
  });

  it('refuses mutations', () => {
    expect(isPublic('mutation { health { status } }')).toBe(false);
  });

  it('looks inside fragments on Query', () => {
    expect(isPublic('query { ...Q } fragment Q on Query { clinics { id } }')).toBe(false);
    expect(isPublic('query { ...Q } fragment Q on Query { health { status } }')).toBe(true);
  });
});

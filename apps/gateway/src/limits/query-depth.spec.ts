import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { queryDepth } from './query-depth';

function depth(source: string): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operation === undefined) {
    throw new Error('no operation');
  }
  return queryDepth(document, operation);
}

describe(queryDepth.name, () => {
  it('counts a flat query as one level', () => {
    expect(depth('{ health { status } }')).toBe(2);
    expect(depth('{ __typename }')).toBe(1);
  });

  it('follows nested fields to the deepest branch', () => {
    expect(depth('{ clinics { id treatments { id name } } health { status } }')).toBe(3);
  });

  it('follows fragments and inline fragments', () => {
    expect(
      depth(`
        query { clinics { ...C } }
        fragment C on Clinic { treatments { ... on Treatment { id } } }
      `),
    ).toBe(3);
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(depth('query { a { ...F } } fragment F on A { b { ...F } }')).toBe(2);
  });
});

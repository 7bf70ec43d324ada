import { DocumentNode, Kind, OperationDefinitionNode, OperationTypeNode } from 'graphql';

/** Root fields anyone may query without a token. */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set(['health', '__typename']);

/**
 * True when an operation is a query that selects only public root fields (directly, or
 * through fragments on Query). Everything else needs a valid token.
 */
export function isPublicOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== OperationTypeNode.QUERY) {
    return false;
  }
  const fragments = new Map(
    document.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d] as const),
  );
  const onlyPublic = (
    selections: OperationDefinitionNode['selectionSet']['selections'],
    seen: Set<string>,
  ): boolean =>
    selections.every((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return PUBLIC_ROOT_FIELDS.has(selection.name.value);
        case Kind.INLINE_FRAGMENT:
          return onlyPublic(selection.selectionSet.selections, seen);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(selection.name.value);
          if (fragment === undefined || seen.has(selection.name.value)) {
            return false;
          }
          return onlyPublic(
            fragment.selectionSet.selections,
            new Set([...seen, selection.name.value]),
          );
        }
        default: {
          const unreachable: never = selection;
          throw new Error(`unknown selection ${String(unreachable)}`);
        }
      }
    });
  return onlyPublic(operation.selectionSet.selections, new Set());
}

import {
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/**
 * The deepest field nesting of an operation, following fragments. Introspection fields
 * (`__schema`, `__type`) count like any other, so a deep introspection query is limited too.
 */
export function queryDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const depthOf = (selectionSet: SelectionSetNode, visiting: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          deepest = Math.max(
            deepest,
            selection.selectionSet === undefined
              ? 1
              : 1 + depthOf(selection.selectionSet, visiting),
          );
          break;
        case Kind.INLINE_FRAGMENT:
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment !== undefined && !visiting.has(name)) {
            deepest = Math.max(
              deepest,
              depthOf(fragment.selectionSet, new Set([...visiting, name])),
            );
          }
          break;
        }
        default: {
          const unreachable: never = selection;
          throw new Error(`unknown selection ${String(unreachable)}`);
        }
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

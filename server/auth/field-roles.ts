import {
  type DocumentNode,
  getDirectiveValues,
  type GraphQLField,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { isRole, type Role } from './roles.ts';

/**
 * The root fields an operation asks for, by name, through fragments and
 * inline fragments, leaving out those that `@skip` or `@include` drop.
 */
export function rootFieldNames(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): Set<string> {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) continue;
      if (getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if === false) continue;
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/**
 * Whether a field is also open to a viewer linked to an actor, whatever its
 * role (`authScopes: { $any: { role: 'REDAKTOR', actorLinked: true } }`); the
 * field itself then checks that the actor is the one it concerns.
 */
export function opensToLinkedActors(field: GraphQLField<unknown, unknown> | undefined): boolean {
  const scopes = (field?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;
  const any = scopes && typeof scopes === 'object' ? (scopes as { $any?: { actorLinked?: unknown } }).$any : undefined;
  return any?.actorLinked === true;
}

/** The role a field asks for in its scope (`authScopes: { role: 'ADMIN' }`), or null. */
export function roleOfField(field: GraphQLField<unknown, unknown> | undefined): Role | null {
  const scopes = (field?.extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes;
  const role = scopes && typeof scopes === 'object' ? (scopes as { role?: unknown }).role : undefined;
  return isRole(role) ? role : null;
}

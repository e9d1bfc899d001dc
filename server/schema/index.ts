import { type GraphQLEnumValue, type GraphQLSchema, isEnumType, lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './as-of.ts';
import './source.ts';
import './node.ts';
import './errors.ts';
import './api-key.ts';
import './change.ts';
import './enums.ts';
import './actor.ts';
import './forum.ts';
import './activity.ts';
import './goal.ts';
import './target-area.ts';
import './person.ts';
import './strategy.ts';
import './policy-document.ts';
import './area.ts';
import './collaboration.ts';
import './validity.ts';
import './working-relation.ts';
import './finding.ts';
import './report-counts.ts';
import './map-change.ts';
import './assessment.ts';
import './taxonomy.ts';
import './assessment-mutations.ts';
import './survey-round.ts';
import './import.ts';

/**
 * Types and fields sorted so the printed schema is stable, but every enum's
 * values kept in the order they are defined in: that order means something
 * (CollaborationLevel runs left to right on the taxonomy, 1 … 5), and a client
 * that builds its scale from introspection must get it right. graphql-js sorts
 * enum values too and has no option against it, so they are put back here:
 * getValues() hands out the type's own list.
 */
function sortedKeepingEnumOrder(built: GraphQLSchema): GraphQLSchema {
  const sorted = lexicographicSortSchema(built);
  for (const type of Object.values(sorted.getTypeMap())) {
    const original = built.getType(type.name);
    if (!isEnumType(type) || !isEnumType(original)) continue;
    const order = new Map(original.getValues().map((value, index) => [value.name, index]));
    (type.getValues() as GraphQLEnumValue[]).sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  }
  return sorted;
}

/** The whole GraphQL schema, as clients see it. */
export const schema = sortedKeepingEnumOrder(builder.toSchema({ sortSchema: false }));

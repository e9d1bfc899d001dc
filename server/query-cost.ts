import { type DocumentNode, getNamedType, getNullableType, GraphQLError, type GraphQLSchema, isListType, isObjectType } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE } from './schema/loaders.ts';

/**
 * What a query may cost, counting list sizes: a field costs 1, and a list
 * multiplies what is asked of each element by how many elements it may have.
 * Without that, one anonymous query that walks neighbour lists inside
 * neighbour lists (every finding's subjects' forums' members) asks for
 * millions of nodes while looking like a few dozen fields. The limit sits
 * above the web app's largest query (Effektkedjor: four nested lists, about
 * 8 million by this estimate) and far below such a walk (hundreds of millions).
 */
export const MAX_QUERY_COST = 20_000_000;

/** A neighbour list without a page (a forum's members, an actor's forums): what one is taken to hold. */
export const NEIGHBOURS_ESTIMATE = 25;
/** A report's list without `first` (every finding): its cap. */
const REPORT_LIST_ESTIMATE = 10_000;

const REPORT_LISTS = new Set(['findings']);

const listAware: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  const named = getNamedType(field.type);
  const isConnection = isObjectType(named) && named.name.endsWith('Connection');
  let size = 1;
  if (Array.isArray(args.ids)) size = args.ids.length;
  else if (typeof args.first === 'number') size = args.first;
  else if (typeof args.last === 'number') size = args.last;
  else if (isConnection) size = DEFAULT_PAGE;
  else if (isListType(type)) size = REPORT_LISTS.has(field.name) ? REPORT_LIST_ESTIMATE : NEIGHBOURS_ESTIMATE;
  // A connection's own fields (edges, nodes) carry its size; `edges` itself is then a list of that page.
  if (isListType(type) && (field.name === 'edges' || field.name === 'nodes')) size = 1;
  return 1 + size * childComplexity;
};

/** An operation's estimated cost (see MAX_QUERY_COST). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [listAware] });
}

/** Refuses, before it runs, an operation whose estimated cost is over `maxCost`, naming both. */
export function listCostLimit(maxCost = MAX_QUERY_COST): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = queryCost(args.schema, args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName ?? undefined);
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `Frågan är för stor: uppskattad kostnad ${cost.toLocaleString('sv-SE')} av högst ${maxCost.toLocaleString('sv-SE')} ` +
                '(varje lista räknas med sin storlek; be om färre med first, eller om färre grannar i grannarnas listor).',
              { extensions: { code: 'QUERY_TOO_COSTLY', cost, maxCost } },
            ),
          ],
        });
      }
    },
  };
}

import type { Row, Statement, WriteStep } from './port.ts';

/**
 * Runs the `schema/` statements in name order: constraints (and, on the
 * embedded engine, the indexes behind them). Every statement is idempotent.
 */
export async function runSchemaStatements(
  statements: Map<string, string>,
  run: (text: string) => Promise<unknown>,
): Promise<void> {
  const names = [...statements.keys()].filter((name) => name.startsWith('schema/')).sort();
  for (const name of names) await run(statements.get(name)!);
}

/** The step every write transaction ends with: it counts the graph's version up (cypher/graph/advance-version). */
export const ADVANCE_VERSION: WriteStep = { query: 'graph/advance-version' };

export function resolveStep(step: WriteStep, previous: Row[][]): Statement | null {
  return typeof step === 'function' ? step(previous) : step;
}

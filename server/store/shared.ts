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

/**
 * The step every write transaction ends with: it counts the graph's version
 * up and keeps what the statements before it said they touched (null: they
 * did not say, so anything may have changed).
 */
export function advanceVersion(run: readonly (Statement | null)[]): Statement {
  const said = run.filter((statement): statement is Statement & { touches: readonly string[] } => !!statement?.touches);
  return { query: 'graph/advance-version', params: { touched: said.length ? [...new Set(said.flatMap((s) => s.touches))] : null } };
}

export function resolveStep(step: WriteStep, previous: Row[][]): Statement | null {
  return typeof step === 'function' ? step(previous) : step;
}

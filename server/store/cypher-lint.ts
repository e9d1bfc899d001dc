/**
 * A static check of one Cypher statement, run by the unit tests over every
 * file in `cypher/`, so a typo fails `npm test` instead of a request at run time.
 *
 * It is Neo4j's own language support (`@neo4j-cypher/language-support`, the
 * parser and semantic analysis behind the Neo4j editors) given a database
 * schema of our own making: the graph contract instead of a live database.
 */
import {
  highlightSyntax,
  isNotParamError,
  lintCypherQuery,
  parseStatementsStrs,
  testData,
  type DbSchema,
  type Neo4jFunction,
} from '@neo4j-cypher/language-support';
import { NODE_LABELS, RELATIONSHIP_TYPES } from './graph-schema.ts';

export interface CypherProblem {
  message: string;
  /** 1-based, as editors and `file:line:column` show it. */
  line: number;
  /** 1-based. */
  column: number;
  severity: 'error' | 'warning';
}

/*
 * Neo4j 5's built-in functions. The package has no separate list of them, but
 * the mock schema it exports for its own tests (`testData.mockSchema`: the
 * functions of a recent Neo4j 5 with APOC and GDS installed) marks each
 * built-in with `isBuiltIn`. Keeping only those is what makes `apoc.*`,
 * `gds.*` and misspellings unknown functions, which the linter calls errors.
 */
const BUILT_IN_FUNCTIONS: Record<string, Neo4jFunction> = Object.fromEntries(
  Object.entries(testData.mockSchema.functions?.['CYPHER 5'] ?? {}).filter(([, fn]) => fn.isBuiltIn),
);

const SCHEMA: DbSchema = {
  labels: [...NODE_LABELS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  functions: { 'CYPHER 5': BUILT_IN_FUNCTIONS },
  // No procedures: a portable statement must also run on the embedded engine,
  // which has none of Neo4j's, so any CALL of a procedure is an error.
  procedures: { 'CYPHER 5': {} },
  // Without this the linter would still pick Cypher 5, but say so: it is the
  // language of the Neo4j we run, and the only one the functions are given for.
  defaultLanguage: 'CYPHER 5',
  // No `propertyKeys`: properties are not part of the contract (the linter
  // would warn about every property it has not been told of).
  // No `parameters`: they are supplied at run time; see isNotParamError below.
};

const CONTRACT_NAMES = new Set<string>([...NODE_LABELS, ...RELATIONSHIP_TYPES]);

/** The linter's own message for a label or type outside the schema it was given. */
const NOT_IN_SCHEMA = /^(Label|Relationship type|Label or relationship type) (.+?) is not present in the database\./;

const CONTRACT = 'is not in the graph contract (server/store/graph-schema.ts)';
const contractMessage = (kind: string, name: string) => `${kind} ${name} ${CONTRACT}`;

export function lintCypher(text: string): CypherProblem[] {
  // Console commands (`:param`, `:use`) belong to Neo4j's shells, not to a file the driver runs.
  const { diagnostics } = lintCypherQuery(text, SCHEMA, { consoleCommandsEnabled: false });
  const problems: CypherProblem[] = diagnostics
    .map((d): CypherProblem => ({
      // LSP allows markup in a message; this linter writes plain text.
      message: typeof d.message === 'string' ? d.message : d.message.value,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      // 1 is DiagnosticSeverity.Error (LSP); the rest are warnings and hints.
      severity: d.severity === 1 ? 'error' : 'warning',
    }))
    // "Parameter $x is not defined." is an error to the linter, but our
    // parameters only exist when the statement runs.
    .filter(isNotParamError)
    .map((p): CypherProblem => {
      const unknown = NOT_IN_SCHEMA.exec(p.message);
      // The linter only warns about a name outside the schema (a database may
      // gain labels later); for us the contract is closed, so it is an error.
      return unknown ? { ...p, severity: 'error', message: contractMessage(unknown[1]!, unknown[2]!) } : p;
    });

  // The linter checks labels only where a statement reads: it skips CREATE,
  // MERGE and SET, where a new label is expected in a live database — yet that
  // is exactly where a typo would quietly write a stray label into our graph.
  // So every name the highlighter marks as a label or type is held against the
  // contract too. The highlighter does not tell node labels from relationship
  // types, so this catches names outside the contract, not one in the wrong
  // place (the linter's own check above does that where it looks). Nor does it
  // mark the type in `CREATE INDEX … FOR ()-[r:TYPE]-()`, which goes unchecked.
  // Skipped when there are other errors: in a statement that does not parse
  // the highlighter can take a keyword for a label (`MATCH (n:) RETURN n`).
  const otherErrors = problems.some((p) => p.severity === 'error' && !p.message.endsWith(CONTRACT));
  if (!otherErrors) {
    const reported = new Set(problems.map((p) => `${p.line}:${p.column}`));
    for (const token of highlightSyntax(text, { consoleCommandsEnabled: false })) {
      if (token.tokenType !== 'label') continue;
      const name = token.token.replace(/^`|`$/g, '').replaceAll('``', '`');
      const line = token.position.line + 1;
      const column = token.position.startCharacter + 1;
      if (CONTRACT_NAMES.has(name) || reported.has(`${line}:${column}`)) continue;
      problems.push({ message: contractMessage('Label or relationship type', name), line, column, severity: 'error' });
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The statements in a text, as Neo4j's parser splits them at `;` (not inside
 * strings or comments); a comment after the last `;` is no statement.
 */
export function splitStatements(text: string): string[] {
  return parseStatementsStrs(text).filter((statement) =>
    highlightSyntax(statement, { consoleCommandsEnabled: false }).some((token) => token.tokenType !== 'comment'),
  );
}

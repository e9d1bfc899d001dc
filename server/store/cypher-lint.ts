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
  type CypherVersion,
  type DbSchema,
  type Neo4jFunction,
} from '@neo4j-cypher/language-support';
import { NODE_LABELS, RELATIONSHIP_TYPES } from './graph-schema.ts';

/*
 * A statement is checked in both dialects because it runs in both: Neo4j 5 LTS
 * speaks Cypher 5, while new installations and Aura run an unprefixed
 * statement as Cypher 25 (so does our 2026 test server). What Cypher 5 only
 * deprecates (a warning, which passes) Cypher 25 may have removed (an error),
 * and Cypher 25's new clauses are errors in Cypher 5.
 */
export const CYPHER_DIALECTS = ['CYPHER 5', 'CYPHER 25'] as const satisfies readonly CypherVersion[];
export type CypherDialect = (typeof CYPHER_DIALECTS)[number];

export interface CypherProblem {
  message: string;
  /** 1-based, as editors and `file:line:column` show it. */
  line: number;
  /** 1-based. */
  column: number;
  severity: 'error' | 'warning';
  /** The dialects the problem is found in: one, or both when they agree. */
  dialects: CypherDialect[];
}

/*
 * Neo4j's built-in functions, per dialect. The package has no separate list of
 * them, but the mock schema it exports for its own tests (`testData.mockSchema`:
 * the functions of a recent Neo4j with APOC and GDS installed, listed for each
 * dialect) marks each built-in with `isBuiltIn`. Keeping only those is what
 * makes `apoc.*`, `gds.*` and misspellings unknown functions, which the linter
 * calls errors. The two lists are the same today; each dialect still gets its
 * own, so a function one of them drops is caught when the package says so.
 */
const builtInFunctions = (dialect: CypherDialect): Record<string, Neo4jFunction> =>
  Object.fromEntries(Object.entries(testData.mockSchema.functions?.[dialect] ?? {}).filter(([, fn]) => fn.isBuiltIn));

const schemaFor = (dialect: CypherDialect): DbSchema => ({
  labels: [...NODE_LABELS],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  functions: { [dialect]: builtInFunctions(dialect) },
  // No procedures: a portable statement must also run on the embedded engine,
  // which has none of Neo4j's, so any CALL of a procedure is an error.
  procedures: { [dialect]: {} },
  // How a server whose default language this is runs a statement with no
  // `CYPHER 5`/`CYPHER 25` prefix; a prefix of the statement's own still wins,
  // on the server and here.
  defaultLanguage: dialect,
  // No `propertyKeys`: properties are not part of the contract (the linter
  // would warn about every property it has not been told of).
  // No `parameters`: they are supplied at run time; see isNotParamError below.
});

const SCHEMAS = Object.fromEntries(CYPHER_DIALECTS.map((d) => [d, schemaFor(d)])) as Record<CypherDialect, DbSchema>;

const CONTRACT_NAMES = new Set<string>([...NODE_LABELS, ...RELATIONSHIP_TYPES]);

/** The linter's own message for a label or type outside the schema it was given. */
const NOT_IN_SCHEMA = /^(Label|Relationship type|Label or relationship type) (.+?) is not present in the database\./;

const CONTRACT = 'is not in the graph contract (server/store/graph-schema.ts)';
const contractMessage = (kind: string, name: string) => `${kind} ${name} ${CONTRACT}`;

type DialectProblem = Omit<CypherProblem, 'dialects'>;

/** A statement's problems in every dialect; one found alike in both is listed once, for both. */
export function lintCypher(text: string): CypherProblem[] {
  const merged = new Map<string, CypherProblem>();
  for (const dialect of CYPHER_DIALECTS) {
    for (const p of lintIn(text, dialect)) {
      const key = `${p.line}:${p.column}:${p.severity}:${p.message}`;
      const seen = merged.get(key);
      if (seen) seen.dialects.push(dialect);
      else merged.set(key, { ...p, dialects: [dialect] });
    }
  }
  return [...merged.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

function lintIn(text: string, dialect: CypherDialect): DialectProblem[] {
  // Console commands (`:param`, `:use`) belong to Neo4j's shells, not to a file the driver runs.
  const { diagnostics } = lintCypherQuery(text, SCHEMAS[dialect], { consoleCommandsEnabled: false });
  const problems: DialectProblem[] = diagnostics
    .map((d): DialectProblem => ({
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
    .map((p): DialectProblem => {
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
  return problems;
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

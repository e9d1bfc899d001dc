import { describe, expect, it } from 'vitest';
import { readCypherFiles } from '../../server/store/cypher-files.ts';
import { lintCypher, splitStatements, type CypherProblem } from '../../server/store/cypher-lint.ts';

/*
 * Every portable statement in cypher/ must be valid Cypher 5 and Cypher 25
 * over the graph contract. Embedded forms are the embedded engine's own
 * dialect, which Neo4j's grammar does not describe, so they are left to the
 * store tests.
 */
const portable = readCypherFiles().filter((file) => file.form === 'portable');

const errorsIn = (text: string) => lintCypher(text).filter((p) => p.severity === 'error');

/** One `file:line:column message` line a problem, so a failure reads like a compiler's. */
const listed = (where: string, problems: CypherProblem[]) =>
  problems.map((p) => `${where}:${p.line}:${p.column} ${p.severity} [${p.dialects.join(', ')}]: ${p.message}`).join('\n');

describe('cypher/ files', () => {
  // Passes once statements exist; it also keeps this suite from being silently
  // empty (an empty `each` below makes no tests at all).
  it('holds at least one portable statement', () => {
    expect(portable.length).toBeGreaterThan(0);
  });

  it.each(portable)('$name is valid Cypher 5 and Cypher 25 over the graph contract', ({ path, text }) => {
    expect(listed(path, errorsIn(text))).toBe('');
  });

  it.each(portable)('$name holds exactly one statement', ({ text }) => {
    expect(splitStatements(text)).toHaveLength(1);
  });

  it.each(portable)('$name is more than comments', ({ text }) => {
    const code = text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
    expect(code.length).toBeGreaterThan(0);
  });
});

describe('the checker', () => {
  // Statements of the shapes the store uses: each must pass.
  it.each([
    'CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE',
    'UNWIND $rows AS row MERGE (n:Actor {id: row.id}) SET n += row.props',
    'MATCH (a:Actor) WHERE ($text IS NULL OR toLower(a.name) CONTAINS toLower($text)) WITH a ORDER BY a.name WITH collect(a {.*}) AS rows RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page',
    'MATCH (a:Actor)-[r:MEMBER_OF]->(f:Forum) WHERE a.id IN $ids RETURN a.id AS key, f {.*} AS node, properties(r) AS rel',
    'MATCH (a:Actor) WHERE NOT EXISTS { (a)-[:MEMBER_OF]->() } RETURN COUNT { (a)--() } AS c',
    'RETURN date($d) AS d',
    '// a comment first\nMATCH (a:Actor) RETURN a.id AS id;\n',
  ])('accepts %s', (text) => {
    expect(listed('statement', errorsIn(text))).toBe('');
  });

  // Each dialect lists the clauses it expects instead, so the two messages differ.
  it('finds a syntax error, with its place, in each dialect', () => {
    const atTypo = errorsIn('MATCH (a:Actor)\nRETRUN a').filter((e) => e.line === 2 && e.column === 1);
    expect(atTypo.flatMap((e) => e.dialects)).toEqual(['CYPHER 5', 'CYPHER 25']);
  });

  // Cypher 5 only deprecates these (a warning, which passes); Cypher 25 has
  // removed them, so a Neo4j running Cypher 25 refuses the statement.
  it.each([
    // A node used as a map of properties: Cypher 25 wants properties(b).
    ['a node on the right of SET +=', 'MATCH (a:Actor {id: $a}), (b:Actor {id: $b}) SET a += b'],
    // A property of a node taken from another node of the same MERGE pattern.
    ['a MERGE that reads its own pattern', 'MERGE (a:Actor {id: $id})-[:PART_OF]->(p:Actor {id: a.parentId})'],
  ])('finds %s, an error in Cypher 25 only', (_, text) => {
    const problems = lintCypher(text);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.dialects)).toEqual([['CYPHER 25']]);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.dialects)).toContainEqual(['CYPHER 5']);
  });

  // The other way round: a clause Cypher 25 added is a syntax error in Cypher 5.
  it('finds a clause new in Cypher 25, an error in Cypher 5 only', () => {
    const errors = errorsIn('MATCH (a:Actor) FILTER a.name IS NOT NULL RETURN a.id AS id');
    expect(errors).not.toEqual([]);
    expect(errors.every((e) => e.dialects.join() === 'CYPHER 5')).toBe(true);
  });

  it('finds an unknown function', () => {
    expect(errorsIn('RETURN randomUUIDx() AS id')).toContainEqual(
      expect.objectContaining({
        message: expect.stringContaining('randomUUIDx'),
        line: 1,
        column: 8,
        // Alike in both dialects, so listed once.
        dialects: ['CYPHER 5', 'CYPHER 25'],
      }),
    );
  });

  it('finds a function of a plugin we do not have', () => {
    expect(errorsIn('RETURN apoc.text.join(["a"], ",") AS s')).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('apoc.text.join') }),
    );
  });

  it('finds a label outside the contract where a statement reads', () => {
    expect(errorsIn('MATCH (a:Actr) RETURN a')).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('Actr'), line: 1, column: 10 }),
    );
  });

  it('finds a relationship type used as a node label where a statement reads', () => {
    expect(errorsIn('MATCH (a:MEMBER_OF) RETURN a')).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('MEMBER_OF') }),
    );
  });

  it('finds labels and types outside the contract where a statement writes', () => {
    const errors = errorsIn('MERGE (a:Actr {id: $id}) CREATE (a)-[:MEMBEROF]->(:Forum) SET a:Bogus');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('Actr'),
      expect.stringContaining('MEMBEROF'),
      expect.stringContaining('Bogus'),
    ]);
  });

  it('does not count parameters as problems', () => {
    expect(lintCypher('MATCH (a:Actor {id: $id}) RETURN a.name AS name')).toEqual([]);
  });

  it('counts statements as Neo4j splits them', () => {
    expect(splitStatements('RETURN 1 AS a; RETURN 2 AS b')).toHaveLength(2);
    expect(splitStatements('RETURN ";" AS a; // done\n')).toHaveLength(1);
  });
});

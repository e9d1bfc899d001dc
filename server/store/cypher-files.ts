import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder that holds every Cypher statement of the service. */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** Which engine a statement is meant for; `embedded` files override their portable twin. */
export type Engine = 'neo4j' | 'embedded';

export interface CypherFile {
  /** `folder/verb-noun`, the name code uses to run it. */
  name: string;
  path: string;
  text: string;
  /** `portable` runs on both engines; `embedded` is the embedded engine's form of a portable file. */
  form: 'portable' | 'embedded';
}

const EMBEDDED_SUFFIX = '.embedded.cypher';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.cypher') ? [path] : [];
  });
}

/** Every `.cypher` file under `cypher/`, sorted by name. */
export function readCypherFiles(dir = CYPHER_DIR): CypherFile[] {
  return walk(dir)
    .map((path) => {
      const rel = relative(dir, path).split(sep).join('/');
      const form = rel.endsWith(EMBEDDED_SUFFIX) ? 'embedded' : 'portable';
      const name = rel.slice(0, -(form === 'embedded' ? EMBEDDED_SUFFIX : '.cypher').length);
      return { name, path, text: readFileSync(path, 'utf8'), form } as CypherFile;
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.form.localeCompare(b.form));
}

/**
 * The statements one engine runs, by name: the portable form, replaced by the
 * embedded form where the embedded engine needs its own. An embedded file with
 * no portable twin is a statement only the embedded engine needs (an index
 * that Neo4j builds by itself behind a uniqueness constraint).
 */
export function statementsFor(engine: Engine, files = readCypherFiles()): Map<string, string> {
  const byName = new Map<string, string>();
  for (const file of files) {
    if (file.form === 'portable' && !byName.has(file.name)) byName.set(file.name, file.text);
    if (file.form === 'embedded' && engine === 'embedded') byName.set(file.name, file.text);
  }
  return byName;
}

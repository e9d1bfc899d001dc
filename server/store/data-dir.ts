import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StoreError } from './port.ts';

/*
 * What the embedded engine (Grafeo) keeps in DATA_DIR: the database file,
 * graph.grafeo (the last checkpoint), and beside it while commits are not yet
 * checkpointed, the write-ahead log graph.grafeo.wal/wal_*.log. A clean close
 * checkpoints and removes the log; after a crash the next open replays it.
 *
 * The engine replays a log cut short at its end without a word (a torn last
 * write looks the same), and with the log deleted it opens the checkpoint: in
 * both cases acknowledged changes are gone silently. So the service keeps its
 * own record beside them, store-state.json: the graph's version after the
 * last commit it acknowledged. A store that opens below that version has lost
 * commits, and the start stops.
 */

export const STORE_FILE = 'graph.grafeo';
export const WAL_DIR = `${STORE_FILE}.wal`;
export const STATE_FILE = 'store-state.json';

/** How to get the data back, said wherever the start stops for damage. */
export function recovery(dir: string): string {
  return (
    'Återställ den senaste säkerhetskopian: flytta undan katalogen, och kör ' +
    `\`DATA_DIR=${dir} npm run restore -- FIL\` med en fil från \`npm run backup\`. ` +
    'Eller starta en gång med STORE_SALVAGE=true för att fortsätta med det som finns kvar (det som saknas förblir borta).'
  );
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code ?? '';

/** DATA_DIR (or its nearest existing parent) cannot be written: said with the directory, not as ENOENT. */
function readOnly(dir: string, where: string, code: string, cause: unknown): StoreError {
  return new StoreError(
    `DATA_DIR (${dir}): katalogen ${where} är skrivskyddad (${code}), så databasen kan inte sparas där. ` +
      'Ge tjänstens användare skrivrätt, eller sätt DATA_DIR till en katalog den får skriva i.',
    'READ_ONLY',
    { cause },
  );
}

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/** Engine messages that mean the files cannot be written: os error 30 (read-only) or 13 (permission). */
export const ENGINE_READ_ONLY = /Read-only file system|Permission denied|os error (30|13)\b/i;

export interface DataDirState {
  /** Nothing of a store was there: this open creates it. */
  created: boolean;
  /** The version the service last acknowledged a commit at, where it has a record. */
  recorded: number | null;
}

/**
 * Makes sure DATA_DIR can hold the store, before the engine opens it, and
 * that a store that was there still is: the database file gone while its log
 * or the service's record remains is damage, never a reason to start empty.
 */
export function prepareDataDir(dir: string): DataDirState {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    // A read-only parent fails mkdir with ENOENT on some systems: name the directory that is read-only.
    let parent = dir;
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    try {
      accessSync(parent, constants.W_OK);
    } catch (denied) {
      throw readOnly(dir, parent, errno(denied), error);
    }
    throw new StoreError(`DATA_DIR (${dir}): katalogen kan inte skapas: ${(error as Error).message}`, 'UNAVAILABLE', { cause: error });
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    if (READ_ONLY_CODES.has(errno(error))) throw readOnly(dir, dir, errno(error), error);
    throw error;
  }
  const hasStore = existsSync(join(dir, STORE_FILE));
  const hasWal = existsSync(join(dir, WAL_DIR)) && readdirSync(join(dir, WAL_DIR)).length > 0;
  const recorded = readRecorded(dir);
  if (!hasStore && (hasWal || recorded !== null)) {
    const left = [hasWal ? `${WAL_DIR}/` : null, recorded !== null ? `${STATE_FILE} (version ${recorded})` : null].filter(Boolean).join(' och ');
    throw new StoreError(
      `DATA_DIR (${dir}): databasfilen ${join(dir, STORE_FILE)} saknas, men katalogen har haft en databas (${left} finns kvar). ` +
        `Tjänsten startar inte med en tom databas i dess ställe. Lägg tillbaka filen, eller: ${recovery(dir)} ` +
        `Ska katalogen verkligen börja om tom, ta bort ${left}.`,
      'DAMAGED',
    );
  }
  return { created: !hasStore, recorded };
}

function readRecorded(dir: string): number | null {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file)) return null;
  try {
    const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    if (typeof version === 'number' && Number.isInteger(version) && version >= 0) return version;
  } catch {
    // said below
  }
  throw new StoreError(
    `DATA_DIR (${dir}): ${file} kan inte läsas (tjänstens uppgift om databasens senaste version). Ta bort filen om databasen i övrigt är hel; den skrivs på nytt vid nästa ändring.`,
    'DAMAGED',
  );
}

/**
 * The store opened below the version last acknowledged: commits are missing,
 * because the log was cut short or removed (or the file is an older copy).
 */
export function lostCommits(dir: string, version: number, recorded: number): StoreError {
  const wal = existsSync(join(dir, WAL_DIR)) ? `${join(dir, WAL_DIR)}/ är avkortad eller skadad` : `${join(dir, WAL_DIR)}/ saknas`;
  return new StoreError(
    `DATA_DIR (${dir}): write-ahead-loggen ${wal}: databasen har bara version ${version}, men ändringar fram till version ${recorded} har sparats och bekräftats. ` +
      `Tjänsten startar inte med det som fattas. ${recovery(dir)}`,
    'DAMAGED',
  );
}

/** Records the version of a commit just made; atomically, so a crash leaves the old record or the new. */
export function recordVersion(dir: string, version: number): void {
  const file = join(dir, STATE_FILE);
  try {
    writeFileSync(`${file}.tmp`, `${JSON.stringify({ version, at: new Date().toISOString() })}\n`);
    renameSync(`${file}.tmp`, file);
  } catch (error) {
    rmSync(`${file}.tmp`, { force: true });
    throw error;
  }
}

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openStore } from '../store/index.ts';
import { refusalIn } from '../write/refusals.ts';
import { ACTOR_KINDS, type ActorKind } from '../domain/sectors.ts';
import { importSpreadsheet, type ImportReport, type Resolution } from './index.ts';
import { issueText } from './issues.ts';

/**
 * `npm run import -- FILE [--dry-run] [--actor "Namn=actor:id"] [--new-actor "Namn=KIND"]`:
 * reads a Forumkartläggning, Effektkedja or Aktörer file into the configured
 * store, or with --dry-run only shows what it would do. Names that match no
 * actor are listed with the closest ones; say what they are with --actor or
 * --new-actor and run again.
 */
const USAGE = 'Användning: npm run import -- FIL [--dry-run] [--actor "Namn=actor:id"] [--new-actor "Namn=TYP"]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    actor: { type: 'string', multiple: true, default: [] },
    'new-actor': { type: 'string', multiple: true, default: [] },
  },
});

const ACTIONS: Record<string, string> = { CREATE: 'ny', UPDATE: 'ändras', LINK: 'kopplas', UNCHANGED: 'oförändrad', UNRESOLVED: 'okänd aktör', ERROR: 'fel' };

function pairs(list: string[], flag: string): [string, string][] {
  return list.map((pair) => {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new Error(`${flag} "${pair}": skriv Namn=värde`);
    return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
  });
}

function resolutions(): Resolution[] {
  return [
    ...pairs(values.actor, '--actor').map(([name, actorId]) => ({ name, actorId })),
    ...pairs(values['new-actor'], '--new-actor').map(([name, kind]) => {
      if (!(ACTOR_KINDS as readonly string[]).includes(kind)) throw new Error(`--new-actor "${name}=${kind}": typen ska vara en av ${ACTOR_KINDS.join(', ')}`);
      return { name, newActorKind: kind as ActorKind };
    }),
  ];
}

function print(report: ImportReport): void {
  for (const row of report.rows) {
    const changes = row.changes.map((c) => `${c.field}: ${c.before ?? '–'} → ${c.after ?? '–'}`);
    const detail = [...changes, ...row.links].join('; ');
    console.log(`${row.sheet} rad ${row.row}\t${ACTIONS[row.action]}\t${row.subject}${detail ? `\t${detail}` : ''}`);
  }
  for (const issue of report.issues) console.error(`Fel: ${issueText(issue)}`);
  for (const unknown of report.unknownActors) {
    const where = unknown.places.map((p) => `${p.sheet} rad ${p.row}`).join(', ');
    const near = unknown.candidates.map((c) => `${c.name} (--actor "${unknown.name}=${c.id}")`).join(', ');
    console.error(`Okänd aktör '${unknown.name}' (${where}): ${near ? `närmast ${near}, eller` : 'ange'} --new-actor "${unknown.name}=TYP"`);
  }
  const c = report.counts;
  console.log(`Rader: ${c.CREATE} nya, ${c.UPDATE} ändras, ${c.LINK} kopplas, ${c.UNCHANGED} oförändrade, ${c.UNRESOLVED} med okänd aktör, ${c.ERROR} med fel.`);
  if (report.applied) console.log(`Inläst i en ändring (sha256 ${report.sha256}).`);
  else if (report.unchanged) console.log('Inget att ändra: kartan har redan allt i filen.');
  else if (report.dryRun && !report.issues.length && !report.unknownActors.length) console.log('Förhandsgranskning: inget skrevs. Kör utan --dry-run för att läsa in.');
  else console.log('Inget skrevs.');
}

const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const store = await openStore(loadConfig());
try {
  const report = await importSpreadsheet(store, {
    fileName: basename(file),
    bytes: new Uint8Array(readFileSync(file)),
    dryRun: values['dry-run'],
    resolutions: resolutions(),
    author: { id: 'cli', name: `npm run import (${userInfo().username})` },
  });
  print(report);
  if (report.issues.length || report.unknownActors.length) process.exitCode = 1;
} catch (error) {
  const refusal = refusalIn(error);
  console.error(refusal ? refusal.message : error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await store.close();
}

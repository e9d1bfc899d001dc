import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeRecords, readSeedData } from '../../seed/load.ts';

const dataDir = new URL('../../seed/data/', import.meta.url);

/** A copy of the data files with one file changed, to see what the loader says about it. */
function withChange(file: string, change: (records: any[]) => void): URL {
  const dir = mkdtempSync(join(tmpdir(), 'seed-data-'));
  cpSync(dataDir, dir, { recursive: true });
  const path = join(dir, `${file}.json`);
  const records = JSON.parse(readFileSync(path, 'utf8'));
  change(records);
  writeFileSync(path, JSON.stringify(records));
  return pathToFileURL(`${dir}/`);
}

describe('the Borås seed data', () => {
  const seed = readSeedData();

  it('traces every record to one of the five seed documents', () => {
    const codes = new Set(seed.documents.map((d) => d.code));
    expect([...codes].sort()).toEqual(['000', '001', '002', '003', '004']);
    for (const record of nodeRecords(seed)) expect(codes.has(record.source.document), record.id).toBe(true);
    for (const need of seed['coordination-needs']) expect(codes.has(need.source.document)).toBe(true);
  });

  it('marks what only the alternative proposals (002, 004) state as proposed, unless they report it as decided or done', () => {
    // 004: the inriktningsbeslut "som Kommunstyrelsen fastställde den 2 september 2019", "den antagna handlingsplanen";
    // 002: "implementeringen av … socialrådgivare vid mötesplatserna".
    const reportedDone = ['activity:insats-socialradgivare-vid-motesplatserna', 'policy-document:handlingsplan-socialt-hallbart-boras', 'policy-document:inriktningsbeslut-barn-och-unga-2019'];
    const adoptedFromProposals = [...nodeRecords(seed), ...seed['coordination-needs'].map((n) => ({ ...n, id: n.members.join('+') }))]
      .filter((r) => r.status === 'ADOPTED' && !['000', '001', '003'].includes(r.source.document))
      .map((r) => r.id);
    expect(adoptedFromProposals.sort()).toEqual(reportedDone);
  });

  it('spells out every abbreviation used as ansvar', () => {
    const byShort = new Map(seed.actors.filter((a) => a.shortName).map((a) => [a.shortName, a.name]));
    expect(byShort.get('ALF')).toBe('Arbetslivsförvaltningen');
    expect(byShort.get('GVUF')).toBe('Gymnasie- och vuxenutbildningsförvaltningen');
    expect(byShort.get('SBF')).toBe('Samhällsbyggnadsförvaltningen');
    expect(byShort.get('AF')).toBe('Arbetsförmedlingen');
  });

  it('leaves every empty Tid and Resurser cell empty', () => {
    for (const row of seed.activities.filter((a) => a.kind === 'EFFEKTKEDJA')) {
      expect(row.period ?? null).toBeNull();
      expect(row.resources ?? null).toBeNull();
    }
  });

  it('names the file, record and field of a bad record', () => {
    const dir = withChange('actors', (records) => (records[1].kind = 'KOMMUNAL'));
    expect(() => readSeedData(dir)).toThrow(/seed\/data\/actors\.json \(actor:ska\): kind: /);
  });

  it('names the file that is cut short or is not JSON', () => {
    const dir = withChange('forums', () => undefined);
    const path = new URL('forums.json', dir);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
    expect(() => readSeedData(dir)).toThrow(/^seed\/data\/forums\.json: kan inte läsas som JSON \(.+\)/);
  });

  it('refuses an inferred fact without the note that says how it is inferred', () => {
    const dir = withChange('actors', (records) => (records[1].source = { ...records[1].source, basis: 'INFERRED', note: null }));
    expect(() => readSeedData(dir)).toThrow(/seed\/data\/actors\.json \(actor:ska\): source: an INFERRED fact needs a note/);
  });

  it('refuses a link to a record that does not exist', () => {
    const dir = withChange('activities', (records) => (records[0].responsible = ['actor:finns-inte']));
    expect(() => readSeedData(dir)).toThrow(/"actor:finns-inte" does not exist/);
  });
});

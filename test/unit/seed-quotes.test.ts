import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeedData, seedClaims } from '../../seed/load.ts';
import { quoteFinder } from '../../seed/quotes.ts';

/*
 * Every seeded record and link says which sentence of which document it rests
 * on. This checks the sentences are really there. The documents are the team's
 * reference material beside the repository (../shared/seeds/), not part of it,
 * so where they are absent the quote check says why it skips.
 */
const seed = readSeedData();
const claims = seedClaims(seed);
const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const missing = seed.documents.filter((d) => !existsSync(new URL(d.file, SEEDS))).map((d) => d.file);
const skipReason = missing.length ? `no seed documents at ${SEEDS.pathname} (${missing.join(', ')}): the quotes cannot be checked here` : null;

describe('the evidence of the Borås seed data', () => {
  it('gives every record and every link a quote and a basis', () => {
    const without = claims.filter((c) => !c.quote || !c.basis).map((c) => c.what);
    expect(without).toEqual([]);
  });

  it('says, for every inferred record and link, how it is inferred', () => {
    expect(claims.filter((c) => c.basis === 'INFERRED' && !c.note?.trim()).map((c) => c.what)).toEqual([]);
  });

  it.skipIf(skipReason !== null)(`finds every quote verbatim in its document's text${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    const finders = new Map(seed.documents.map((d) => [d.code, quoteFinder(readFileSync(new URL(d.file, SEEDS), 'utf8'))]));
    const checked = claims.filter((c) => c.quote);
    const notFound = checked.filter((c) => !finders.get(c.document)!(c.quote!)).map((c) => `${c.what}: ${c.document} has no "${c.quote}"`);
    expect(notFound).toEqual([]);
    const inferred = checked.filter((c) => c.basis === 'INFERRED').length;
    console.log(`seed quotes: ${checked.length} checked against ${finders.size} documents, all found verbatim (${checked.length - inferred} stated, ${inferred} inferred)`);
  });
});

describe('how a quote is found', () => {
  const find = quoteFinder('Ansvar:\n\nSBF, berörda \n\nförvaltningar i \n\nsamhällsbyggnadspro\n\ncessen\n\nSynliggöra befintliga \n\nsamverkans forum \n\n<b>Totalsumma</b>\t<b>30 153 199</b>');
  it('reads a run of white space as one space, and a line break also as no space, where a cell breaks a word', () => {
    expect(find('SBF, berörda förvaltningar i samhällsbyggnadsprocessen')).toBe(true);
    expect(find('SBF, berörda förvaltningar i samhällsbyggnadspro cessen')).toBe(true);
  });
  it('keeps a space printed on one line', () => {
    expect(find('samverkans forum')).toBe(true);
    expect(find('samverkansforum')).toBe(false);
  });
  it('drops the markup of the text file, and nothing else', () => {
    expect(find('Totalsumma 30 153 199')).toBe(true);
    expect(find('Totalsumma 30 153 200')).toBe(false);
    expect(find('')).toBe(false);
  });
});

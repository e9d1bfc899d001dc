import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../web/api/import.ts';
import { canApply, issueLine, previewTable, resolutionsOf, undecided } from '../../web/edit/import.ts';

const report = (more: Partial<ImportReport> = {}): ImportReport => ({
  fileName: 'f.xlsx',
  dryRun: true,
  applied: false,
  unchanged: false,
  basis: 'b',
  counts: { created: 1, updated: 0, linked: 0, unchanged: 0, unresolved: 0, errors: 0 },
  rows: [{ sheet: 'Forum', row: 2, kind: 'forums', subject: 'Nytt', action: 'CREATE', changes: [{ field: 'Syfte', before: null, after: 'X' }], links: ['Sammankallande: SKA'], unresolved: [] }],
  issues: [],
  unknownActors: [],
  ...more,
});

describe('the import page', () => {
  it('turns decisions into resolutions, an existing actor or a new one of a kind, leaving out the undecided', () => {
    const choices = new Map([['Rädda Barnen', 'new:CIVILSAMHALLE'], ['Arbetslivsförvaltning', 'actor:alf'], ['Okänd', '']]);
    expect(resolutionsOf(choices)).toEqual([{ name: 'Rädda Barnen', newActorKind: 'CIVILSAMHALLE' }, { name: 'Arbetslivsförvaltning', actorId: 'actor:alf' }]);
    expect(undecided([{ name: 'Okänd', places: [], candidates: [] }, { name: 'Rädda Barnen', places: [], candidates: [] }], choices)).toEqual(['Okänd']);
  });

  it('imports only a preview without errors, unknown names or nothing to do', () => {
    expect(canApply(report())).toBe(true);
    expect(canApply(null)).toBe(false);
    expect(canApply(report({ issues: [{ sheet: 'Forum', row: 2, column: 'Nivå', message: 'fel' }] }))).toBe(false);
    expect(canApply(report({ unknownActors: [{ name: 'X', places: [], candidates: [] }] }))).toBe(false);
    expect(canApply(report({ unchanged: true }))).toBe(false);
    expect(canApply(report({ dryRun: false, applied: true }))).toBe(false);
  });

  it('shows each row with what happens, and each issue with where', () => {
    expect(previewTable(report()).rows).toEqual([{ key: 'Forum:2', cells: ['Forum rad 2', 'Nytt', 'Ny', 'Syfte: – → X; Sammankallande: SKA'] }]);
    expect(issueLine({ sheet: 'Medlemmar', row: 14, column: 'Roll', message: "'ordf' är ingen roll" })).toBe("Medlemmar rad 14, kolumn Roll: 'ordf' är ingen roll");
    expect(issueLine({ sheet: null, row: null, column: null, message: 'filen är tom' })).toBe('Filen: filen är tom');
  });
});

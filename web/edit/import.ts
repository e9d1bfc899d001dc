import type { ImportReport, Resolution, UnknownActor } from '../api/import.ts';
import type { TableModel } from '../lib/csv.ts';
import { sv } from '../i18n/sv.ts';

/*
 * The import page's state that is not DOM: what the user has decided for each
 * unknown name, and the preview as a table.
 */

/** A decision for one unknown name: an existing actor's id, or `new:KIND` for a new actor; '' for none yet. */
export type Choice = string;

export const NEW_ACTOR = 'new:';

/** The decisions as importSpreadsheet's resolutions; undecided names are left out. */
export function resolutionsOf(choices: ReadonlyMap<string, Choice>): Resolution[] {
  return [...choices].flatMap(([name, choice]): Resolution[] => {
    if (!choice) return [];
    return choice.startsWith(NEW_ACTOR) ? [{ name, newActorKind: choice.slice(NEW_ACTOR.length) }] : [{ name, actorId: choice }];
  });
}

/** Names the report still asks about that the user has not decided. */
export function undecided(unknown: readonly UnknownActor[], choices: ReadonlyMap<string, Choice>): string[] {
  return unknown.filter((u) => !choices.get(u.name)).map((u) => u.name);
}

/** May the preview be imported: nothing wrong, nothing unknown, and something to write. */
export function canApply(report: ImportReport | null): boolean {
  return !!report && report.dryRun && !report.issues.length && !report.unknownActors.length && !report.unchanged;
}

/** The preview, row by row, as a table (and its CSV). */
export function previewTable(report: ImportReport): TableModel {
  return {
    caption: sv.importing.previewCaption(report.fileName),
    columns: [sv.importing.columns.place, sv.importing.columns.subject, sv.importing.columns.action, sv.importing.columns.what],
    rows: report.rows.map((r) => ({
      key: `${r.sheet}:${r.row}`,
      cells: [
        `${r.sheet} rad ${r.row}`,
        r.subject,
        sv.importing.actions[r.action] ?? r.action,
        [...r.changes.map((c) => `${c.field}: ${c.before ?? '–'} → ${c.after ?? '–'}`), ...r.links, ...r.unresolved.map((n) => sv.importing.unknownName(n))].join('; '),
      ],
    })),
  };
}

/** An issue as the page lists it, where then why: as the server and the CLI say it. */
export { issueText as issueLine } from '../../server/import/issues.ts';

/**
 * One problem in an imported file, and where: the sheet, the row as Excel
 * numbers it and the column by its header. Any of them is null where the
 * problem is bigger than it (a file that is no spreadsheet has no sheet).
 */
export interface ImportIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/** "Medlemmar rad 14, kolumn Roll", or as much of it as the issue has. */
export function placeOf(issue: Pick<ImportIssue, 'sheet' | 'row' | 'column'>): string {
  const parts = [
    [issue.sheet, issue.row === null ? null : `rad ${issue.row}`].filter(Boolean).join(' '),
    issue.column === null ? null : `kolumn ${issue.column}`,
  ].filter(Boolean);
  return parts.join(', ') || 'Filen';
}

/** The issue as one line of text: "Medlemmar rad 14, kolumn Roll: 'ordf' är ingen roll; …". */
export function issueText(issue: ImportIssue): string {
  return `${placeOf(issue)}: ${issue.message}`;
}

/** A problem that stops the file from being read at all: it is the only issue reported. */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
  constructor(
    message: string,
    readonly sheet: string | null = null,
  ) {
    super(message);
  }

  get issue(): ImportIssue {
    return { sheet: this.sheet, row: null, column: null, message: this.message };
  }
}

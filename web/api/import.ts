import { csrfToken } from './session.ts';
import { ApiError } from './client.ts';

/*
 * importSpreadsheet as the web app sends it: a GraphQL multipart request
 * (the same one `curl -F` sends), through XMLHttpRequest, whose upload
 * reports progress for a bar that a large file needs.
 */

export type RowAction = 'CREATE' | 'UPDATE' | 'LINK' | 'UNCHANGED' | 'UNRESOLVED' | 'ERROR';

export interface ImportRow {
  sheet: string;
  row: number;
  kind: string;
  subject: string;
  action: RowAction;
  changes: { field: string; before: string | null; after: string | null }[];
  links: string[];
  unresolved: string[];
}

export interface ImportIssue {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

export interface UnknownActor {
  name: string;
  places: { sheet: string; row: number; column: string }[];
  candidates: { id: string; name: string; shortName: string | null }[];
}

export interface ImportReport {
  fileName: string;
  dryRun: boolean;
  applied: boolean;
  unchanged: boolean;
  basis: string;
  counts: { created: number; updated: number; linked: number; unchanged: number; unresolved: number; errors: number };
  rows: ImportRow[];
  issues: ImportIssue[];
  unknownActors: UnknownActor[];
}

export interface Resolution {
  name: string;
  actorId?: string;
  newActorKind?: string;
}

export const IMPORT_MUTATION = `mutation Import($file: File!, $dryRun: Boolean!, $resolutions: [ImportResolutionInput!], $basis: String) {
  result: importSpreadsheet(file: $file, dryRun: $dryRun, resolutions: $resolutions, basis: $basis) {
    __typename
    ... on Error { message }
    ... on ImportSpreadsheetSuccess { report {
      fileName dryRun applied unchanged basis
      counts { created updated linked unchanged unresolved errors }
      rows { sheet row kind subject action changes { field before after } links unresolved }
      issues { sheet row column message }
      unknownActors { name places { sheet row column } candidates { id name shortName } }
    } }
  }
}`;

type Result = { __typename: string; message?: string; report?: ImportReport };

/** Sends the file; `onProgress` gets the share uploaded, 0–1. A refusal comes back as an ApiError with the server's Swedish reason. */
export function importSpreadsheet(
  file: File,
  variables: { dryRun: boolean; resolutions: Resolution[]; basis?: string },
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: IMPORT_MUTATION, variables: { file: null, ...variables } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.setRequestHeader('accept', 'application/graphql-response+json, application/json');
    const token = csrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError('nätverksfel'));
    xhr.onload = () => {
      let body: { data?: { result: Result }; errors?: { message: string }[] } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (body?.errors?.length) return reject(new ApiError(body.errors.map((e) => e.message).join('; ')));
      const result = body?.data?.result;
      if (!result) return reject(new ApiError(`HTTP ${xhr.status}`));
      if (!result.report) return reject(new ApiError(result.message ?? result.__typename));
      resolve(result.report);
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphStore } from '../store/port.ts';
import { AuthError, type Authenticator } from '../auth/authenticate.ts';
import { headerOf } from '../auth/routes.ts';
import { hasRole } from '../auth/roles.ts';
import type { SheetKind } from '../import/layouts.ts';
import { csvOf, isWorkbookKey, workbookOf } from './index.ts';
import { cytoscapeJsonOf, gexfOf, graphmlOf, readGraph } from './graph-files.ts';
import { type GraphqlRunner, reportWorkbook, UnknownTargetArea } from './report.ts';

/*
 * Downloads: GET /templates/{forumkartlaggning,effektkedja,aktorer}.xlsx (to
 * fill in), /export/{…,karta}.xlsx (the map in the same layout),
 * /export/{forum,medlemmar,aktorer,effektkedja}.csv and
 * /export/karta.{graphml,gexf,cyjs}, and /export/rapport.xlsx[?malomrade=ID]
 * (the Rapport view's tables, from its own query). They read the map, so
 * READ_ACCESS applies.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV downloads by their name, with the file name an import recognises again. */
const CSV: Record<string, { kind: SheetKind; file: string }> = {
  forum: { kind: 'forums', file: 'Forum.csv' },
  medlemmar: { kind: 'members', file: 'Medlemmar.csv' },
  aktorer: { kind: 'actors', file: 'Aktörer.csv' },
  effektkedja: { kind: 'chain', file: 'Effektkedja.csv' },
};

const GRAPH: Record<string, { type: string; write: typeof gexfOf }> = {
  graphml: { type: 'application/graphml+xml; charset=utf-8', write: graphmlOf },
  gexf: { type: 'application/gexf+xml; charset=utf-8', write: gexfOf },
  cyjs: { type: 'application/json; charset=utf-8', write: cytoscapeJsonOf },
};

type Download = { type: string; file: string; body: () => Promise<string | Uint8Array> };

function downloadFor(store: GraphStore, path: string, query: URLSearchParams, graphql: GraphqlRunner): Download | null {
  if (path === '/export/rapport.xlsx') {
    const targetArea = query.get('malomrade') || null;
    return { type: XLSX, file: `rapport-${(targetArea ?? 'hela-programmet').replace(/^target-area:/, '')}.xlsx`, body: () => reportWorkbook(graphql, targetArea) };
  }
  const match = /^\/(templates|export)\/([a-z]+)\.([a-z]+)$/.exec(path);
  if (!match) return null;
  const [, area, name, ext] = match as unknown as [string, string, string, string];
  if (ext === 'xlsx' && isWorkbookKey(name) && (area === 'export' || name !== 'karta')) {
    const file = area === 'templates' ? `mall-${name}.xlsx` : `samverkanskartan-${name}.xlsx`;
    return { type: XLSX, file, body: () => workbookOf(store, name, area === 'export') };
  }
  if (area === 'export' && ext === 'csv' && CSV[name]) return { type: 'text/csv; charset=utf-8', file: CSV[name].file, body: () => csvOf(store, CSV[name]!.kind) };
  if (area === 'export' && name === 'karta' && GRAPH[ext]) {
    const format = GRAPH[ext];
    return { type: format.type, file: `samverkanskartan.${ext}`, body: async () => format.write(await readGraph(store)) };
  }
  return null;
}

/** Handles `/templates/…` and `/export/…`; false for any other path. */
export async function handleDownloadRoute(auth: Authenticator, store: GraphStore, req: IncomingMessage, res: ServerResponse, path: string, graphql: GraphqlRunner): Promise<boolean> {
  const download = downloadFor(store, path, new URL(req.url ?? '/', 'http://localhost').searchParams, graphql);
  if (!download) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' }).end(`${path} hämtas med GET`);
    return true;
  }
  if (auth.settings.readAccess === 'authenticated') {
    try {
      const viewer = await auth.viewerFor(headerOf(req));
      if (!hasRole(viewer, 'LASARE')) {
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Inloggning krävs för att hämta (READ_ACCESS=authenticated).');
        return true;
      }
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end(error.message);
      return true;
    }
  }
  let body: string | Uint8Array;
  try {
    body = await download.body();
  } catch (error) {
    if (!(error instanceof UnknownTargetArea)) throw error;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(error.message);
    return true;
  }
  res.writeHead(200, {
    'content-type': download.type,
    'content-disposition': `attachment; filename="${download.file.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}"; filename*=UTF-8''${encodeURIComponent(download.file)}`,
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

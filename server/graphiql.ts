import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { shouldRenderGraphiQL, type Plugin } from 'graphql-yoga';
import type { ReadAccess } from './auth/authenticate.ts';
import { hasRole } from './auth/roles.ts';
import type { Viewer } from './schema/context.ts';
import { contentSecurityPolicy, type FrameAncestors, scriptHash } from './security-headers.ts';

const TITLE = 'Samverkanskartan GraphQL';

/*
 * GraphiQL's code and styles come inlined from the npm package
 * (@graphql-yoga/render-graphiql), not from a CDN: a municipal network with a
 * strict proxy, or none at all, still gets a working editor. It opens with the
 * report builders' questions (README: Rapportfrågor).
 */
const DEFAULT_QUERY = `# Rapportfrågor: tryck ▶ och välj en, eller skriv en egen.
# Aktiviteter per målområde (by: GOAL, ACTOR = ansvar, AREA = område)
query AktiviteterPerMalomrade { activityCounts(by: TARGET_AREA) { key name count } }

# Forum per aktör (by: TARGET_AREA, TARGET_GROUP = målgrupp)
query ForumPerAktor { forumCounts(by: ACTOR) { key name count } }

# Luckor per allvar och regel
query LuckorPerRegel { gaps { totalCount bySeverity { severity count } byRule { rule label count } } }

# Aktiviteter där Tid och Resurser saknas
query TidOchResurserSaknas { activities(first: 1000, filter: { missing: [PERIOD, RESOURCES] }) { totalCount nodes { name } } }

# Forum att bekräfta, det som förfaller först överst
query AttBekrafta { forums(filter: { confirmationDue: true }, order: CONFIRMATION_DUE) { nodes { name confirmationDueAt } } }

# Finansiering per målområde och per år, som dokumenten (002) anger dem: samma pengar, lägg inte ihop dem
query FinansieringPerMalomradeOchAr {
  perMalomrade: fundings(breakdown: PER_TARGET_AREA) { targetArea { name } amountSek }
  perAr: fundings(breakdown: PER_YEAR) { year amountSek }
}

# Samverkan per nivå och målområde
query SamverkanPerNiva { taxonomy { byTargetArea { key label levels { level label count } } } }

# Samverkan som aldrig skattats (även level, targetLevel, belowTarget, drifting, targetArea)
query SamverkanEjSkattad { collaborations(filter: { neverAssessed: true }) { totalCount nodes { name } } }
`;

// Says what to do rather than showing an editor whose every query would be refused.
const SIGN_IN_PAGE = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Inloggning krävs – ${TITLE}</title></head>
<body><h1>Inloggning krävs</h1>
<p>Att läsa här kräver inloggning (READ_ACCESS=authenticated). Logga in i webbappen på <a href="/">startsidan</a> med din API-nyckel och öppna /graphql igen.</p>
</body></html>
`;

/** The page is the same for everyone: rendered (9 MB) and hashed once, on the first visit. */
let rendered: { html: string; scriptHashes: string[] } | undefined;
function editorPage() {
  if (!rendered) {
    const html = renderGraphiQL({ title: TITLE, defaultQuery: DEFAULT_QUERY });
    // The package inlines its code and bootstrap in <script> elements; the CSP allows exactly those by hash.
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    rendered = { html, scriptHashes: scripts.map(scriptHash) };
  }
  return rendered;
}

/**
 * GraphiQL for a browser at /graphql: for anyone when reading is public, and
 * only for signed-in readers (the session cookie) when it needs sign-in.
 */
export function graphiqlPage(readAccess: ReadAccess, viewerOf: (request: Request) => Promise<Viewer>, frameAncestors: FrameAncestors): Plugin {
  const mayRead = async (request: Request) =>
    readAccess === 'public' || hasRole(await viewerOf(request).catch(() => ({ id: null, roles: [] })), 'LASARE');
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      if (!shouldRenderGraphiQL(request)) return;
      const html = { 'content-type': 'text/html; charset=utf-8' };
      if (await mayRead(request)) {
        const page = editorPage();
        const csp = contentSecurityPolicy(frameAncestors, page.scriptHashes);
        endResponse(new fetchAPI.Response(page.html, { status: 200, headers: { ...html, 'content-security-policy': csp } }));
      }
      else endResponse(new fetchAPI.Response(SIGN_IN_PAGE, { status: 401, headers: { ...html, 'cache-control': 'no-store' } }));
    },
  };
}

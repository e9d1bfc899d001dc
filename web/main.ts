import { html, nothing, render as renderTemplate } from 'lit-html';
import { sv } from './i18n/sv.ts';
import { ChainsView } from './views/chains.ts';
import { FindingsView } from './views/findings.ts';
import { ForumsView } from './views/forums.ts';
import { NetworkEntry } from './views/network-summary.ts';
import { PolicyDocumentsView } from './views/policy-documents.ts';
import { SessionControl } from './views/session.ts';
import { onSessionChange } from './api/session.ts';
import { TaxonomyView } from './views/taxonomy.ts';
import { ImportView } from './views/import.ts';
import { RESPOND_PATH, RespondView } from './views/respond.ts';
import { SurveyRoundView } from './views/survey-round.ts';
import { GlossaryView } from './views/glossary.ts';
import { RapportView } from './views/rapport.ts';
import type { View } from './views/view.ts';
import { currentDay, DAY_PARAM, dayOrNull, keepingDay, today } from './api/as-of.ts';
import { setParams } from './lib/url-state.ts';

/** The views by URL path; the query string holds each view's state. */
const routes: Record<string, { title: string; create: () => View; inNav?: false }> = {
  '/': { title: sv.views.network, create: () => new NetworkEntry() },
  '/taxonomi': { title: sv.views.taxonomy, create: () => new TaxonomyView() },
  '/luckor': { title: sv.views.findings, create: () => new FindingsView() },
  '/effektkedjor': { title: sv.views.chains, create: () => new ChainsView() },
  '/forum': { title: sv.views.forums, create: () => new ForumsView() },
  '/importera': { title: sv.views.importing, create: () => new ImportView() },
  '/styrdokument': { title: sv.views.documents, create: () => new PolicyDocumentsView() },
  // Reached from a collaboration on Taxonomi (or a forum or målområde there), not from the menu.
  '/skattningsomgang': { title: sv.views.survey, create: () => new SurveyRoundView(), inNav: false },
  '/ordlista': { title: sv.views.glossary, create: () => new GlossaryView() },
  '/rapport': { title: sv.views.report, create: () => new RapportView() },
};

let current: View | null = null;

/** On a phone the views and the sign-in fold behind one button; choosing a view folds them again. */
const header = document.querySelector<HTMLElement>('.app-header')!;
const menuButton = document.getElementById('menu-button') as HTMLButtonElement;
menuButton.textContent = sv.app.menu;
function openMenu(open: boolean): void {
  header.classList.toggle('menu-open', open);
  menuButton.setAttribute('aria-expanded', String(open));
}
menuButton.addEventListener('click', () => openMenu(!header.classList.contains('menu-open')));

function navigation(path: string): void {
  renderTemplate(
    html`<ul>
      ${Object.entries(routes).filter(([, route]) => route.inNav !== false).map(
        ([href, route]) => html`<li><a href=${keepingDay(href)} aria-current=${href === path ? 'page' : 'false'} @click=${(e: MouseEvent) => follow(e, href)}>${route.title}</a></li>`,
      )}
    </ul>`,
    document.getElementById('nav')!,
  );
}

/** In-app links change the view without a reload; a modified click opens a tab as usual. */
function follow(event: MouseEvent, href: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  openMenu(false);
  if (href === window.location.pathname && !window.location.search) return;
  history.pushState(null, '', keepingDay(href));
  void show(true);
}

/** The header's day: every view reads the map as of it; it lives in the address, so a link keeps it. */
function dayControl(): void {
  const day = currentDay();
  renderTemplate(
    html`<label for="as-of-day">${sv.asOf.label}</label>
      <input id="as-of-day" type="date" .value=${day ?? today()} @change=${(e: Event) => setDay((e.target as HTMLInputElement).value)} />
      ${day ? html`<button type="button" class="secondary" @click=${() => setDay(null)}>${sv.asOf.today}</button>
        <p class="as-of-note" role="status">${sv.asOf.showing(day)}</p>` : nothing}`,
    document.getElementById('as-of')!,
  );
}

/** Another day: the view is read again as of it; today leaves the address without one. */
function setDay(value: string | null): void {
  const day = dayOrNull(value);
  setParams({ [DAY_PARAM]: day === today() ? null : day });
  void show(false);
}

async function show(moveFocus: boolean): Promise<void> {
  const path = window.location.pathname in routes ? window.location.pathname : '/';
  const route = routes[path]!;
  current?.destroy();
  document.title = `${route.title} – ${sv.app.title}`;
  navigation(path);
  dayControl();
  current = route.create();
  const main = document.getElementById('main')!;
  const mounted = current.mount(main, new URLSearchParams(window.location.search));
  // After a change of view, focus goes to its heading, so a screen reader starts there.
  if (moveFocus) document.getElementById('view-title')?.focus();
  await mounted;
}

/**
 * A personal link opens the respondent's page alone: no header, no menu, no
 * sign-in, and nothing read but the survey, so the link shows nothing else of the map.
 */
function respond(token: string): void {
  document.querySelector('header.app-header')?.remove();
  document.title = `${sv.respond.title} – ${sv.app.title}`;
  void new RespondView(token).mount(document.getElementById('main')!);
}

if (window.location.pathname.startsWith(RESPOND_PATH)) respond(decodeURIComponent(window.location.pathname.slice(RESPOND_PATH.length)));
else start();

function start(): void {
  void new SessionControl(document.getElementById('session')!).start();
  // Where reading needs sign-in (READ_ACCESS=authenticated) a view read before it failed: signing in reads it again.
  onSessionChange(() => {
    if (document.querySelector('#main p.status[data-state="error"]')) void show(false);
  });
  window.addEventListener('popstate', () => void show(true));
  void show(false);
}

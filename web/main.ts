import { sv } from './i18n/sv.ts';
import { NetworkView } from './views/network.ts';
import type { View } from './views/view.ts';

/** The views by URL path; the query string holds each view's state. */
const routes: Record<string, { title: string; create: () => View }> = {
  '/': { title: sv.views.network, create: () => new NetworkView() },
};

let current: View | null = null;

function navigation(path: string): void {
  const nav = document.getElementById('nav')!;
  nav.replaceChildren(
    ...Object.entries(routes).map(([href, route]) => {
      const link = Object.assign(document.createElement('a'), { href, textContent: route.title });
      if (href === path) link.setAttribute('aria-current', 'page');
      return link;
    }),
  );
}

async function render(): Promise<void> {
  const path = window.location.pathname in routes ? window.location.pathname : '/';
  current?.destroy();
  const main = document.getElementById('main')!;
  main.replaceChildren();
  navigation(path);
  current = routes[path]!.create();
  await current.mount(main, new URLSearchParams(window.location.search));
}

window.addEventListener('popstate', () => void render());
void render();

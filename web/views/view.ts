/** A screen of the app: mounted into `main`, and torn down when the user leaves it. */
export interface View {
  mount(root: HTMLElement, params: URLSearchParams): void | Promise<void>;
  destroy(): void;
}

/** Shows what a view is waiting for or why it failed; screen readers hear the change. */
export function statusLine(root: HTMLElement): (state: 'loading' | 'empty' | 'error' | 'done', text?: string) => void {
  const line = document.createElement('p');
  line.className = 'status';
  line.setAttribute('role', 'status');
  root.append(line);
  return (state, text = '') => {
    line.dataset.state = state;
    line.textContent = text;
    line.hidden = state === 'done';
  };
}

/** Replaces the query string without a reload, so the address bar always reproduces the view. */
export function setParams(update: Record<string, string | null>): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(update)) {
    if (value === null || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  history.replaceState(null, '', url);
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

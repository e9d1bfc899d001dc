import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * Who may frame the app's pages: `'none'` unless FRAME_ANCESTORS names the
 * origins (an intranet portal) that embed it.
 */
export type FrameAncestors = string[];

/** The CSP `'sha256-…'` source that allows exactly this inline script. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of every response. Scripts only from this
 * server (plus the named hashes, for GraphiQL's one inline bootstrap), so an
 * injected `<script>` or `onclick` never runs. Inline styles stay allowed:
 * lit-html binds `style` attributes and GraphiQL's editor sets them, and a
 * style cannot run code. `blob:` workers are GraphiQL's editor; `data:` and
 * `blob:` images are the exports' PNGs and GraphiQL's icon.
 */
export function contentSecurityPolicy(frameAncestors: FrameAncestors, scriptHashes: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` ${h}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** Headers every response carries, whichever route answers it. */
export function securityHeaders(frameAncestors: FrameAncestors): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(frameAncestors),
    'x-content-type-options': 'nosniff',
    // The app's own links keep their path; another site learns only the origin, over https only.
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
  };
}

/** Sets the headers on a response before any route writes it; a route may still replace one (GraphiQL's CSP). */
export function applySecurityHeaders(res: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

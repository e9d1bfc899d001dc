import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createHttpServer, WEB_DIST } from '../../server/http.ts';

/*
 * Served like a production web app: a favicon, and on every response, whatever
 * answers it, a CSP that runs no inline script, nosniff, a Referrer-Policy and
 * frame-ancestors 'none' unless FRAME_ANCESTORS names who may embed the app.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(async () => server?.close());

/** The CSP as directive → sources. */
function policy(header: string | null): Map<string, string[]> {
  expect(header, 'content-security-policy').toBeTruthy();
  return new Map(header!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

function expectHardened(response: Response, what: string, frameAncestors = ["'none'"]): Map<string, string[]> {
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  const csp = policy(response.headers.get('content-security-policy'));
  expect(csp.get('frame-ancestors'), what).toEqual(frameAncestors);
  const scripts = csp.get('script-src') ?? csp.get('default-src')!;
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(scripts.filter((s) => !s.startsWith("'sha256-")), what).toEqual(["'self'"]);
  return csp;
}

const builtAsset = () => {
  expect(existsSync(WEB_DIST), 'the web app must be built (npm run build)').toBe(true);
  return `/assets/${readdirSync(join(WEB_DIST, 'assets')).find((name) => name.endsWith('.js'))}`;
};

describe('serving', () => {
  it('answers /favicon.ico with an icon (200), and the app page links its icons', async () => {
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = new Uint8Array(await icon.arrayBuffer());
    // An ICO file starts 00 00 01 00.
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]);
    const svg = await fetch(`${server.url}/favicon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toMatch(/<link rel="icon" href="\/favicon\.ico"/);
    expect(page).toMatch(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml"/);
  });

  it('sends the security headers on the app, its assets, /graphql, GraphiQL, /health, /auth and a 404', async () => {
    const html = { accept: 'text/html' };
    const responses: [string, Promise<Response>][] = [
      ['app page', fetch(`${server.url}/`, { headers: html })],
      ['a view by its path', fetch(`${server.url}/natverk`, { headers: html })],
      ['script asset', fetch(`${server.url}${builtAsset()}`)],
      ['favicon', fetch(`${server.url}/favicon.ico`)],
      ['GraphQL POST', fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })],
      ['GraphQL refusal', fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })],
      ['GraphiQL', fetch(`${server.url}/graphql`, { headers: html })],
      ['health', fetch(`${server.url}/health`)],
      ['auth route', fetch(`${server.url}/auth/me`)],
      ['not found', fetch(`${server.url}/auth/finns-inte`)],
    ];
    for (const [what, pending] of responses) {
      const response = await pending;
      expect(response.status, what).toBeLessThan(500);
      expectHardened(response, what);
      await response.arrayBuffer();
    }
  });

  it("allows GraphiQL's inline scripts by their hash alone", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const page = await response.text();
    const hashes = expectHardened(response, 'GraphiQL').get('script-src')!.filter((s) => s.startsWith("'sha256-"));
    const inline = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
    expect(inline.length).toBeGreaterThan(0);
    expect(hashes.sort()).toEqual(inline.sort());
    // No inline event handlers, which no hash would allow.
    expect(page).not.toMatch(/\son(load|click|error)=/i);
  });

  it('lets the origins in FRAME_ANCESTORS frame the app, and only them', async () => {
    const framed = createHttpServer(server.store, { frameAncestors: ["'self'", 'https://intranat.boras.se'] });
    await new Promise<void>((resolve) => framed.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(framed.address() as AddressInfo).port}`;
      for (const path of ['/', '/graphql']) {
        const response = await fetch(`${url}${path}`, { headers: { accept: 'text/html' } });
        expectHardened(response, path, ["'self'", 'https://intranat.boras.se']);
        await response.arrayBuffer();
      }
    } finally {
      framed.closeAllConnections();
      await new Promise((resolve) => framed.close(resolve));
    }
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { today } from '../../server/domain/days.ts';
import { sv } from '../../web/i18n/sv.ts';
import { SCREENSHOTS, describeView, waitForGraph } from '../support/browser.ts';

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

/** Clicks an export button and returns the downloaded file's bytes. */
async function saved(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await download.path())!);
}

describeView('Exported pictures', (suite) => {
  const page = () => suite.page;
  const server = () => suite.server;
  let area: { id: string; name: string };

  it('opens Nätverk filtered by a målområde with an actor selected, so the rest of the graph is faded', async () => {
    const { data } = await server().gql('{ targetAreas { id name } }');
    area = data!.targetAreas[0];
    await page().goto(`${server().url}/?targetArea=${encodeURIComponent(area.id)}&actor=actor%3Aska`);
    await waitForGraph(page());
    await page().locator('aside.panel h3', { hasText: 'Stadsledningskansliet' }).waitFor();
    expect(await page().evaluate(() => (document.querySelector('.graph') as any).cy.elements('.faded').length)).toBeGreaterThan(0);
  });

  it('saves a PNG taller than the bare graph, with a caption drawn above and below it, and leaves the fading as it was', async () => {
    const bare = await page().evaluate(async () => {
      const cy = (document.querySelector('.graph') as any).cy;
      const bitmap = await createImageBitmap(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
      return { width: bitmap.width, height: bitmap.height, faded: cy.elements('.faded').length };
    });
    const png = await saved(page(), sv.common.exportPng);
    writeFileSync(new URL('export-natverk.png', SCREENSHOTS), png);
    const size = pngSize(png);
    expect(size.width).toBeGreaterThanOrEqual(bare.width);
    expect(size.height).toBeGreaterThan(bare.height + 100);
    // Decoded in the page: the bands above and below the graph hold drawn text, not only white.
    const inked = await page().evaluate(
      async ({ base64, graphHeight }) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const canvas = Object.assign(document.createElement('canvas'), { width: bitmap.width, height: bitmap.height });
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const dark = (y: number, h: number) => {
          const { data } = ctx.getImageData(0, y, bitmap.width, h);
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128) n++;
          return n;
        };
        return { head: dark(0, 60), foot: dark(bitmap.height - 120, 120) };
      },
      { base64: png.toString('base64'), graphHeight: bare.height },
    );
    expect(inked.head).toBeGreaterThan(200);
    expect(inked.foot).toBeGreaterThan(200);
    expect(await page().evaluate(() => (document.querySelector('.graph') as any).cy.elements('.faded').length)).toBe(bare.faded);
  });

  it('saves an SVG with the title, the filter, the date, the legend and the source line, every node drawn at full strength', async () => {
    const svg = (await saved(page(), sv.common.exportSvg)).toString('utf8');
    writeFileSync(new URL('export-natverk.svg', SCREENSHOTS), svg);
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain(`>${sv.network.title}<`);
    expect(svg).toContain(`Målområde: ${area.name}`);
    expect(svg).toContain(sv.common.exportCaption.date(today()));
    expect(svg).toContain('Källa: Samverkanskartan, Socialt hållbart Borås');
    expect(svg).toContain(sv.common.legendKind);
    // Faded nodes are drawn as the others: no element carries the fading's opacity.
    expect(svg).not.toMatch(/opacity="0\.(15|3)\b/);
    const shown = await page().evaluate(() => (document.querySelector('.graph') as any).cy.nodes().map((n: any) => n.data('label') as string));
    for (const label of shown) expect(svg).toContain(`>${label.replace(/&/g, '&amp;')}<`);
    expect(suite.errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { upload } from '../support/upload.ts';
import { largeChainFile } from '../../bench/import-file.ts';

/*
 * A file of thousands of rows: 5,000 effektkedja activities import in one
 * transaction, over HTTP, and the same file again changes nothing. How long
 * it takes is for `npm run bench` to say, not for a test.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const chainCount = async () => (await server.gql('{ activities(filter: { kind: EFFEKTKEDJA }) { totalCount } }')).data!.activities.totalCount as number;

describe('a 5,000-row Effektkedja file', () => {
  it('imports in one Change, and again changes nothing', async () => {
    const bytes = await largeChainFile(5000);
    const before = await chainCount();
    const report = (await upload(server, 'effektkedja-5000.xlsx', bytes, { dryRun: false })).data!.result.report;
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ applied: true });
    expect(report.counts.created).toBe(5000);
    expect(await chainCount()).toBe(before + 5000);
    const again = (await upload(server, 'effektkedja-5000.xlsx', bytes, { dryRun: false })).data!.result.report;
    expect(again).toMatchObject({ applied: false, unchanged: true });
  }, 300_000);
});

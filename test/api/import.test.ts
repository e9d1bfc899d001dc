import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';
import { graphFingerprint, upload, xlsx } from '../support/upload.ts';

/*
 * A förvaltning's Forumkartläggning in, as a new user would send it: six
 * forums with members named by abbreviation and one organisation the map does
 * not know. The dry run writes nothing; the import writes all of it in one
 * Change; the same file again changes nothing.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const FORUM_HEADER = ['Namn', 'Syfte', 'Målgrupp', 'Nivå', 'Mötesfrekvens', 'Sammankallande', 'Effektmål', 'Kontaktperson/uppgiftslämnare'];
const MEMBER_HEADER = ['Forum', 'Aktör', 'Roll', 'Från', 'Till'];
const TILLIT = 'I Borås ska barn och unga ha tillit till sin egen förmåga och omgivningen för att kunna delta aktivt i samhället';
const FORBEREDDA = 'I Borås ska barn och unga vara förberedda för eftergymnasiala studier eller arbetslivet';

const inventory = () =>
  xlsx({
    Instruktioner: [['Fyll i bladen Forum och Medlemmar.']],
    Forum: [
      FORUM_HEADER,
      ['Exempel: Samverkansgrupp skola–socialtjänst', 'Exempel', null, 'Operativ'],
      ['Elevhälsans samverkansgrupp', 'Samordna stödet kring elever med hög frånvaro', 'Barn och unga', 'Operativ', 'Varje månad', 'GRUF', FORBEREDDA, 'Kontakt GRUF'],
      ['Nätverket unga vuxna', 'Vägar till arbete och studier för unga vuxna', 'Unga vuxna', 'Taktisk', '4 gånger per år', 'ALF', `${FORBEREDDA}\n${TILLIT}`, 'Kontakt ALF'],
      ['Fritid Norrby', 'Meningsfull fritid för barn på Norrby', 'barn och unga', 'operativ', 'Varannan vecka', 'FOF', TILLIT, null],
      ['Familjecentralernas ledningsgrupp', 'Leda familjecentralerna', 'Familjer\nBarn och unga', 'Strategisk', 'Varje kvartal', 'FF', TILLIT.replaceAll(' och ', '\noch '), null],
      ['Språknätverket', 'Språkutveckling på alla arenor', 'Barn och unga', 'Operativ', 'Varje termin', 'KUF', null, null],
      ['Trygghetsforum unga', 'Trygga miljöer för unga', 'Barn och unga, unga vuxna', 'Taktisk', 'Varje månad', 'FOF', TILLIT, null],
    ],
    Medlemmar: [
      MEMBER_HEADER,
      ['Elevhälsans samverkansgrupp', 'GRUF', 'Sammankallande', '2024-01-01', null],
      ['Elevhälsans samverkansgrupp', 'Socialtjänsten', 'Ledamot', new Date(Date.UTC(2024, 0, 15)), null],
      ['Elevhälsans samverkansgrupp', 'FOF', 'Ledamot', null, null],
      ['Nätverket unga vuxna', 'ALF', 'Ordförande', null, null],
      ['Nätverket unga vuxna', 'AF', 'Ledamot', null, null],
      ['Nätverket unga vuxna', 'GVUF', 'Ledamot', null, null],
      ['Fritid Norrby', 'FOF', 'Sammankallande', null, null],
      ['Fritid Norrby', 'AB-bostäder', 'Ledamot', null, null],
      ['Fritid Norrby', 'Norrby Idrottsförening', 'Ledamot', null, null],
      ['Familjecentralernas ledningsgrupp', 'FF', 'Ordförande', null, null],
      ['Familjecentralernas ledningsgrupp', 'VGR', 'Ledamot', null, null],
      ['Språknätverket', 'KUF', 'Sammankallande', null, null],
      ['Språknätverket', 'FF', 'Ledamot', null, null],
      ['Trygghetsforum unga', 'FOF', 'Sammankallande', null, null],
      ['Trygghetsforum unga', 'Polisen', 'Ledamot', null, null],
      ['Trygghetsforum unga', 'AB Bostäder', 'Ledamot', null, null],
      // A forum the map has already: it gets a member.
      ['Beredningsgrupp barn och unga', 'GRUF', 'Ledamot', null, null],
    ],
  });

const forumsNamed = async (names: string[]) => {
  const { data } = await server.gql(`{ forums(first: 100) { edges { node { id name purpose level targetGroups contact meetingFrequency convenor { id } goals { id } members { actor { id name } role from } } } } }`);
  return data!.forums.edges.map((e: any) => e.node).filter((f: any) => names.includes(f.name));
};

const NEW_FORUMS = ['Elevhälsans samverkansgrupp', 'Nätverket unga vuxna', 'Fritid Norrby', 'Familjecentralernas ledningsgrupp', 'Språknätverket', 'Trygghetsforum unga'];

describe('importSpreadsheet: a Forumkartläggning', () => {
  let basis: string;

  it('previews, row by row, and writes nothing', async () => {
    const before = await graphFingerprint(server);
    const response = await upload(server, 'forumkartlaggning.xlsx', await inventory(), { dryRun: true });
    expect(response.errors).toBeUndefined();
    const report = response.data!.result.report;
    expect(report).toMatchObject({ fileName: 'forumkartlaggning.xlsx', dryRun: true, applied: false, unchanged: false, issues: [] });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.counts).toEqual({ created: 6, updated: 0, linked: 16, unchanged: 0, unresolved: 1, errors: 0 });
    const row = report.rows.find((r: any) => r.subject === 'Nätverket unga vuxna');
    expect(row).toMatchObject({ sheet: 'Forum', row: 4, kind: 'forums', action: 'CREATE' });
    expect(row.changes).toContainEqual({ field: 'Nivå', before: null, after: 'Taktisk' });
    expect(row.links).toEqual(['Sammankallande: ALF', `Effektmål: ${FORBEREDDA}`, `Effektmål: ${TILLIT}`]);
    expect(report.rows.find((r: any) => r.subject === 'Fritid Norrby – AB-bostäder')).toMatchObject({ action: 'LINK', links: ['Medlem: AB Bostäder (Ledamot)'] });
    // The one name nobody knows is asked about, never created.
    expect(report.rows.find((r: any) => r.subject === 'Fritid Norrby – Norrby Idrottsförening')).toMatchObject({ action: 'UNRESOLVED', unresolved: ['Norrby Idrottsförening'] });
    expect(report.unknownActors).toEqual([
      { name: 'Norrby Idrottsförening', places: [{ sheet: 'Medlemmar', row: 10, column: 'Aktör' }], candidates: expect.any(Array) },
    ]);
    expect(await graphFingerprint(server)).toEqual(before);
    basis = report.basis;
  });

  it('refuses to write while a name is unresolved, and writes nothing', async () => {
    const before = await graphFingerprint(server);
    const report = (await upload(server, 'forumkartlaggning.xlsx', await inventory(), { dryRun: false })).data!.result.report;
    expect(report).toMatchObject({ applied: false, dryRun: false });
    expect(report.unknownActors).toHaveLength(1);
    expect(await graphFingerprint(server)).toEqual(before);
  });

  it('imports all of it, with the unknown organisation as a new actor, in one Change naming the file and who', async () => {
    const resolutions = [{ name: 'Norrby Idrottsförening', newActorKind: 'CIVILSAMHALLE' }];
    const bytes = await inventory();
    const preview = (await upload(server, 'forumkartlaggning.xlsx', bytes, { dryRun: true, resolutions })).data!.result.report;
    expect(preview.unknownActors).toEqual([]);
    expect(preview.basis).toBe(basis);
    const report = (await upload(server, 'forumkartlaggning.xlsx', bytes, { dryRun: false, resolutions, basis })).data!.result.report;
    expect(report).toMatchObject({ applied: true, issues: [], unknownActors: [] });

    const forums = await forumsNamed(NEW_FORUMS);
    expect(forums.map((f: any) => f.name).sort()).toEqual([...NEW_FORUMS].sort());
    const network = forums.find((f: any) => f.name === 'Nätverket unga vuxna');
    expect(network).toMatchObject({ level: 'TAKTISK', targetGroups: ['UNGA_VUXNA'], contact: 'Kontakt ALF', meetingFrequency: '4 gånger per år', convenor: { id: 'actor:alf' } });
    expect(network.goals.map((g: any) => g.id).sort()).toEqual(['goal:barn-och-unga-forberedda', 'goal:barn-och-unga-tillit']);
    expect(network.members.map((m: any) => [m.actor.id, m.role]).sort()).toEqual([['actor:af', 'LEDAMOT'], ['actor:alf', 'ORDFORANDE'], ['actor:gvuf', 'LEDAMOT']]);
    const school = forums.find((f: any) => f.name === 'Elevhälsans samverkansgrupp');
    expect(school.members.find((m: any) => m.actor.id === 'actor:socialtjansten').from).toBe('2024-01-15');
    const norrby = forums.find((f: any) => f.name === 'Fritid Norrby');
    expect(norrby.level).toBe('OPERATIV');
    const club = norrby.members.find((m: any) => m.actor.name === 'Norrby Idrottsförening');
    expect(club).toBeTruthy();
    const { data } = await server.gql(`query($id: ID!) { node(id: $id) { ... on Actor { kind sector } } }`, { id: club.actor.id });
    expect(data!.node).toEqual({ kind: 'CIVILSAMHALLE', sector: 'CIVILSAMHALLE' });

    const changes = (await server.gql(`query($id: ID!) { changes(nodeId: $id) { totalCount edges { node { id operation byName after subjects } } } }`, { id: network.id }, { as: server.keys.LASARE })).data!.changes;
    expect(changes.totalCount).toBe(1);
    const change = changes.edges[0].node;
    expect(change).toMatchObject({ operation: 'importSpreadsheet', byName: 'Test REDAKTOR' });
    expect(JSON.parse(change.after).file).toEqual({ name: 'forumkartlaggning.xlsx', sha256: report.sha256 });
    // The same Change is in the history of the forum that was there before.
    const older = (await server.gql(`query($id: ID!) { changes(nodeId: $id) { edges { node { id } } } }`, { id: 'forum:beredningsgrupp-barn-och-unga' }, { as: server.keys.LASARE })).data!.changes;
    expect(older.edges.map((e: any) => e.node.id)).toEqual([change.id]);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await graphFingerprint(server);
    const report = (await upload(server, 'forumkartlaggning.xlsx', await inventory(), { dryRun: false, resolutions: [{ name: 'Norrby Idrottsförening', newActorKind: 'CIVILSAMHALLE' }] })).data!.result.report;
    expect(report).toMatchObject({ applied: false, unchanged: true, issues: [], unknownActors: [] });
    expect(report.counts).toEqual({ created: 0, updated: 0, linked: 0, unchanged: 23, unresolved: 0, errors: 0 });
    expect(await graphFingerprint(server)).toEqual(before);
  });

  it('lets the forum-overlap rule see the imported forums', async () => {
    const { data } = await server.gql('{ overlaps { findings { rule subjects { id } } } }');
    const forumIds = new Set((await forumsNamed(NEW_FORUMS)).map((f: any) => f.id));
    const rules = data!.overlaps.findings.filter((f: any) => f.subjects.some((s: any) => forumIds.has(s.id))).map((f: any) => f.rule);
    expect(rules).toContain('forum-merge-candidate');
  });

  it('puts the imported forums in the network: their members now work with each other through them', async () => {
    const { data } = await server.gql('{ workingRelations(first: 1000) { nodes { reasons actors { id } } } }');
    const through = data!.workingRelations.nodes.filter((r: any) => r.reasons.some((reason: string) => reason.includes('Trygghetsforum unga')));
    expect(through.map((r: any) => r.actors.map((a: any) => a.id).sort().join(' ')).sort()).toEqual(
      ['actor:ab-bostader actor:fof', 'actor:ab-bostader actor:polisen', 'actor:fof actor:polisen'],
    );
  });

  it('shows an editor\'s later change as an update and refuses a stale preview', async () => {
    const [school] = await forumsNamed(['Elevhälsans samverkansgrupp']);
    const version = (await server.gql(`query($id: ID!) { node(id: $id) { ... on Forum { version } } }`, { id: school.id })).data!.node.version;
    const preview = (await upload(server, 'forumkartlaggning.xlsx', await inventory(), { dryRun: true })).data!.result.report;
    const edited = await mutate(server, 'updateForum', 'UpdateForumInput', { id: school.id, version, purpose: 'Redaktörens nya syfte' }, 'forum { version }');
    expect(edited.__typename).toBe('UpdateForumSuccess');
    const again = (await upload(server, 'forumkartlaggning.xlsx', await inventory(), { dryRun: true })).data!.result.report;
    expect(again.rows.find((r: any) => r.subject === 'Elevhälsans samverkansgrupp')).toMatchObject({
      action: 'UPDATE',
      changes: [{ field: 'Syfte', before: 'Redaktörens nya syfte', after: 'Samordna stödet kring elever med hög frånvaro' }],
    });
    const before = await graphFingerprint(server);
    const stale = (await upload(server, 'forumkartlaggning.xlsx', await inventory(), { dryRun: false, basis: preview.basis, resolutions: [{ name: 'Norrby Idrottsförening', newActorKind: 'CIVILSAMHALLE' }] })).data!.result;
    expect(stale).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'basis', message: expect.stringContaining('har ändrats sedan förhandsgranskningen') }] });
    expect(await graphFingerprint(server)).toEqual(before);
  });
});

describe('importSpreadsheet: who may, and how much', () => {
  it('needs REDAKTOR', async () => {
    const bytes = await inventory();
    const asReader = await upload(server, 'f.xlsx', bytes, { dryRun: true }, server.keys.LASARE);
    expect(asReader.status).toBe(403);
    expect(asReader.errors![0]!.message).toContain('REDAKTOR');
    // Without a key or a session's CSRF token an upload is not even read: it is what a form on another site would send.
    const anonymous = await upload(server, 'f.xlsx', bytes, { dryRun: true }, null);
    expect(anonymous.status).toBe(415);
    expect(anonymous.errors![0]!.message).toContain('tas bara emot med Authorization eller x-csrf-token');
  });

  it('refuses a file over the upload limit, naming the limit, and keeps serving', async () => {
    const big = new Uint8Array(20 * 1024 * 1024);
    const response = await upload(server, 'stor.xlsx', big, { dryRun: true });
    expect(response.status).toBe(413);
    expect(response.errors![0]!.message).toMatch(/för stor.*högst 10 MB/);
    expect((await server.gql('{ targetAreas { id } }')).data!.targetAreas.length).toBeGreaterThan(0);
  });

  it('reads a sheet by the cells that hold values, however far its formatting reaches', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Forum');
    sheet.addRow(['Namn', 'Syfte']);
    sheet.addRow(['Formaterat forum', 'Syftet']);
    sheet.getCell('B60000').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const report = (await upload(server, 'formaterad.xlsx', bytes, { dryRun: true })).data!.result.report;
    expect(report.issues).toEqual([]);
    expect(report.rows.map((r: any) => [r.subject, r.action])).toEqual([['Formaterat forum', 'CREATE']]);
  });

  it('refuses a resolution to an actor that does not exist', async () => {
    const result = (await upload(server, 'f.xlsx', await inventory(), { dryRun: true, resolutions: [{ name: 'Norrby Idrottsförening', actorId: 'actor:finns-inte' }] })).data!.result;
    expect(result).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'resolutions.0.actorId', message: 'det finns inte en aktör med id actor:finns-inte' }] });
  });
});

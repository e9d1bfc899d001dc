import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { csvText, graphFingerprint, upload, xlsx, type Cells } from '../support/upload.ts';

/*
 * Malformed files, one table row each: every one gets a Swedish error that
 * says where (sheet, row, column as far as they apply), the server keeps
 * serving, and the graph is unchanged — counts and a hash of its content.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const FORUM = ['Namn', 'Syfte', 'Målgrupp', 'Nivå', 'Mötesfrekvens', 'Sammankallande', 'Effektmål', 'Kontaktperson/uppgiftslämnare'];
const MEMBERS = ['Forum', 'Aktör', 'Roll', 'Från', 'Till'];
const CHAIN = ['Långsiktiga effekter', 'Kortsiktiga effekter', 'Prestation', 'Aktivitet', 'Ansvar', 'Tid', 'Resurser'];
const ACTORS = ['Namn', 'Kortnamn', 'Typ', 'Del av'];
const GYMNASIET = 'I Borås ska alla invånare i arbetsför ålder ha utbildning på gymnasienivå';
const TILLIT = 'I Borås ska barn och unga ha tillit till sin egen förmåga och omgivningen för att kunna delta aktivt i samhället';
const MB = 'x'.repeat(1024 * 1024);

type File = { name: string; bytes: Uint8Array };
const file = async (name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<File> => ({ name, bytes: await bytes });
const book = (sheets: Record<string, Cells>, merge?: Record<string, string[]>) => file('fil.xlsx', xlsx(sheets, merge));
const forums = (...rows: Cells) => book({ Forum: [FORUM, ...rows] });
const members = (...rows: Cells) => book({ Forum: [FORUM, ['Nytt forum']], Medlemmar: [MEMBERS, ...rows] });
const chain = (...rows: Cells) => book({ 'Förutsättningar för arbete': [CHAIN, ...rows] });
const actors = (...rows: Cells) => book({ Aktörer: [ACTORS, ...rows] });
const csv = (name: string, rows: (string | null)[][], delimiter = ';') => file(name, new TextEncoder().encode(csvText(rows, delimiter)));
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

function zip(entries: Record<string, Buffer>, compress = true): Promise<Uint8Array> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) z.addBuffer(data, name, { compress });
  z.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

interface Case {
  name: string;
  make: () => Promise<File>;
  /** Where and why: the issue must name this sheet, row and column (null: none) and say this. */
  where?: { sheet: string | null; row: number | null; column: string | null };
  says: RegExp;
  /** An unknown actor to resolve, instead of an issue. */
  unknown?: string;
  /** Refused before it reaches the import, with this HTTP status. */
  status?: number;
}

const CASES: Case[] = [
  // Not a spreadsheet at all.
  { name: 'an empty file', make: () => file('tom.xlsx', new Uint8Array()), where: { sheet: null, row: null, column: null }, says: /filen är tom/ },
  { name: 'a PDF renamed .xlsx', make: () => file('rapport.xlsx', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n')), says: /är en PDF/ },
  { name: 'an old .xls renamed .xlsx', make: () => file('gammal.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])), says: /gamla Excel-formatet \(\.xls\)/ },
  { name: 'a PNG image', make: () => file('bild.xlsx', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])), says: /varken ett kalkylblad/ },
  { name: 'a truncated .xlsx', make: async () => file('trasig.xlsx', (await xlsx({ Forum: [FORUM, ['Ett forum']] })).slice(0, 300)), says: /skadat zip-arkiv/ },
  { name: 'a zip that is no workbook (a .docx)', make: async () => file('brev.xlsx', await zip({ 'word/document.xml': Buffer.from('<w:document/>') })), says: /ingen Excel-arbetsbok \(\.xlsx\): den saknar xl\/workbook\.xml/ },
  { name: 'a zip bomb', make: async () => file('bomb.xlsx', await zip({ 'xl/worksheets/sheet1.xml': Buffer.alloc(120 * 1024 * 1024) })), says: /zip-bomb/ },
  { name: 'a 20 MB file', make: () => file('stor.xlsx', new Uint8Array(20 * 1024 * 1024)), status: 413, says: /högst 10 MB/ },
  // Sheets and headers.
  { name: 'a workbook whose sheets are empty', make: () => book({ Blad1: [], Blad2: [] }), where: { sheet: null, row: null, column: null }, says: /alla blad är tomma/ },
  { name: 'headers but no rows', make: () => book({ Forum: [FORUM], Medlemmar: [MEMBERS] }), says: /rubriker men inga rader/ },
  { name: 'headers nobody knows', make: () => book({ Blad1: [['Vad', 'Vem', 'När'], ['a', 'b', 'c']] }), where: { sheet: 'Blad1', row: 1, column: null }, says: /känns inte igen som bladet Forum, Medlemmar, Aktörer eller en effektkedja/ },
  { name: 'a Forum sheet without Namn', make: () => book({ Forum: [['Syfte', 'Nivå'], ['Något', 'Operativ']] }), where: { sheet: 'Forum', row: 1, column: 'Namn' }, says: /kolumnen Namn saknas/ },
  { name: 'a misspelt header', make: () => book({ Forum: [['Namn', 'Syftet'], ['Ett forum', 'x']] }), where: { sheet: 'Forum', row: 1, column: 'Syftet' }, says: /rubriken känns inte igen; bladet Forum har kolumnerna Namn, Syfte/ },
  { name: 'a header merged over two columns', make: () => book({ Forum: [['Namn', null, 'Syfte'], ['Ett forum', 'x', 'y']] }, { Forum: ['A1:B1'] }), where: { sheet: 'Forum', row: 1, column: 'Namn' }, says: /kolumnen Namn står två gånger/ },
  { name: 'a header row below a title row', make: () => book({ Forum: [['Forumkartläggning 2025'], FORUM, ['Ett forum']] }), where: { sheet: 'Forum', row: 1, column: 'Forumkartläggning 2025' }, says: /rubriken känns inte igen/ },
  { name: 'a value in a column without a header', make: () => forums(['Ett forum', null, null, null, null, null, null, null, 'överbliven']), where: { sheet: 'Forum', row: 2, column: null }, says: /kolumn 9 har ingen rubrik/ },
  { name: 'too many columns', make: () => book({ Forum: [[...FORUM, ...Array.from({ length: 40 }, (_, i) => `Extra ${i}`)]] }), where: { sheet: 'Forum', row: null, column: null }, says: /kolumner; högst 40/ },
  { name: 'too many rows', make: () => csv('Forum.csv', [FORUM, ...Array.from({ length: 20_001 }, (_, i) => [`Forum ${i}`])]), says: /rader; högst 20000/ },
  // Cells.
  { name: 'a formula without a saved value', make: () => forums([{ formula: 'CONCAT("Ett ","forum")' }]), where: { sheet: 'Forum', row: 2, column: 'A' }, says: /formel utan sparat värde/ },
  { name: 'an error value', make: () => forums(['Ett forum', { formula: '1/0', result: { error: '#DIV/0!' } }]), where: { sheet: 'Forum', row: 2, column: 'B' }, says: /formel utan sparat värde|felet #DIV\/0!/ },
  { name: 'a cell of 1 MB', make: () => forums(['Ett forum', MB]), where: { sheet: 'Forum', row: 2, column: 'Syfte' }, says: /cellen har 1048576 tecken; högst 32767 läses/ },
  { name: 'a name over 300 characters', make: () => forums(['F'.repeat(301)]), where: { sheet: 'Forum', row: 2, column: 'Namn' }, says: /högst 300 tecken \(cellen har 301\)/ },
  { name: 'a row without a name', make: () => forums([null, 'Ett syfte']), where: { sheet: 'Forum', row: 2, column: 'Namn' }, says: /måste fyllas i/ },
  { name: 'duplicate forums', make: () => forums(['Ett forum'], ['ett  forum']), where: { sheet: 'Forum', row: 3, column: 'Namn' }, says: /står redan på rad 2/ },
  { name: 'a name merged over two rows', make: () => book({ Forum: [FORUM, ['Ett forum', 'a'], [null, 'b']] }, { Forum: ['A2:A3'] }), where: { sheet: 'Forum', row: 3, column: 'Namn' }, says: /står redan på rad 2/ },
  { name: 'an unknown level', make: () => forums(['Ett forum', null, null, 'Hög']), where: { sheet: 'Forum', row: 2, column: 'Nivå' }, says: /'Hög' är ingen nivå; välj Strategisk, Taktisk eller Operativ/ },
  { name: 'a level as a number', make: () => forums(['Ett forum', null, null, 2]), where: { sheet: 'Forum', row: 2, column: 'Nivå' }, says: /'2' är ingen nivå/ },
  { name: 'an unknown effektmål', make: () => forums(['Ett forum', null, null, null, null, null, 'Alla ska ha det bra']), where: { sheet: 'Forum', row: 2, column: 'Effektmål' }, says: /'Alla ska ha det bra' är inget effektmål/ },
  { name: 'a misspelt effektmål', make: () => forums(['Ett forum', null, null, null, null, null, TILLIT.replace('tillit', 'tilit')]), where: { sheet: 'Forum', row: 2, column: 'Effektmål' }, says: /menar du 'I Borås ska barn och unga ha tillit/ },
  { name: 'an unknown convenor', make: () => forums(['Ett forum', null, null, null, null, 'Okänd förening']), unknown: 'Okänd förening', says: /./ },
  { name: 'two convenors', make: () => forums(['Ett forum', null, null, null, null, 'SKA & ALF']), where: { sheet: 'Forum', row: 2, column: 'Sammankallande' }, says: /ska vara en enda aktör/ },
  // Medlemmar.
  { name: 'an unknown role', make: () => members(['Nytt forum', 'ALF', 'ordf']), where: { sheet: 'Medlemmar', row: 2, column: 'Roll' }, says: /'ordf' är ingen roll; välj Ordförande, Sammankallande, Ledamot eller Adjungerad/ },
  { name: 'a member without a role', make: () => members(['Nytt forum', 'ALF', null]), where: { sheet: 'Medlemmar', row: 2, column: 'Roll' }, says: /måste fyllas i/ },
  { name: 'a date as an Excel serial number', make: () => members(['Nytt forum', 'ALF', 'Ledamot', 45292]), where: { sheet: 'Medlemmar', row: 2, column: 'Från' }, says: /'45292' är inget datum.*2024-01-01/ },
  { name: 'a date that is no day', make: () => members(['Nytt forum', 'ALF', 'Ledamot', '2025-02-30']), where: { sheet: 'Medlemmar', row: 2, column: 'Från' }, says: /finns inte i kalendern/ },
  { name: 'a date written d/m/yyyy', make: () => members(['Nytt forum', 'ALF', 'Ledamot', '1/2/2024']), where: { sheet: 'Medlemmar', row: 2, column: 'Från' }, says: /måste vara ett datum: ÅÅÅÅ-MM-DD/ },
  { name: 'an end before the start', make: () => members(['Nytt forum', 'ALF', 'Ledamot', '2025-01-01', '2024-01-01']), where: { sheet: 'Medlemmar', row: 2, column: 'Till' }, says: /får inte vara före Från \(2025-01-01\)/ },
  { name: 'a member of a forum that is nowhere', make: () => members(['Okänt forum', 'ALF', 'Ledamot']), where: { sheet: 'Medlemmar', row: 2, column: 'Forum' }, says: /står varken i bladet Forum eller i kartan/ },
  { name: 'two actors in one member cell', make: () => members(['Nytt forum', 'ALF & AF', 'Ledamot']), where: { sheet: 'Medlemmar', row: 2, column: 'Aktör' }, says: /ska vara en enda aktör/ },
  { name: 'the same member twice', make: () => members(['Nytt forum', 'ALF', 'Ledamot'], ['Nytt forum', 'Arbetslivsförvaltningen', 'Ordförande']), where: { sheet: 'Medlemmar', row: 3, column: 'Aktör' }, says: /står redan i forumet på rad 2/ },
  { name: 'an unknown member', make: () => members(['Nytt forum', 'Rädda Barnen', 'Ledamot']), unknown: 'Rädda Barnen', says: /./ },
  // Effektkedja.
  { name: 'an unknown målområde', make: () => book({ Kultur: [CHAIN, [null, null, null, 'En aktivitet', 'KUF']] }), where: { sheet: 'Kultur', row: null, column: null }, says: /bladets namn är inget målområde; döp bladet efter ett av 'God start/ },
  { name: 'a goal of another målområde', make: () => chain([TILLIT, null, null, 'En aktivitet', 'ALF']), where: { sheet: 'Förutsättningar för arbete', row: 2, column: 'Långsiktiga effekter' }, says: /hör till ett annat målområde än bladets/ },
  { name: 'a chain row without an activity', make: () => chain([GYMNASIET, 'Kort', 'Prestation', null, 'ALF']), where: { sheet: 'Förutsättningar för arbete', row: 2, column: 'Aktivitet' }, says: /måste fyllas i/ },
  { name: 'the same activity twice', make: () => chain([GYMNASIET, null, null, 'En aktivitet', 'ALF'], [GYMNASIET, null, null, 'En  aktivitet', 'ALF']), where: { sheet: 'Förutsättningar för arbete', row: 3, column: 'Aktivitet' }, says: /står redan på rad 2/ },
  { name: 'a Tid over 200 characters', make: () => chain([GYMNASIET, null, null, 'En aktivitet', 'ALF', 'T'.repeat(201)]), where: { sheet: 'Förutsättningar för arbete', row: 2, column: 'Tid' }, says: /högst 200 tecken/ },
  { name: 'an unknown actor in Ansvar', make: () => chain([GYMNASIET, null, null, 'En aktivitet', 'ALF & Jobbcentrum']), unknown: 'Jobbcentrum', says: /./ },
  { name: 'an Ansvar note over 1000 characters', make: () => chain([GYMNASIET, null, null, 'En aktivitet', `ALF, ${'berörda '.repeat(130)}`]), where: { sheet: 'Förutsättningar för arbete', row: 2, column: 'Ansvar' }, says: /högst 1000 tecken/ },
  // Aktörer.
  { name: 'a new actor without a type', make: () => actors(['Ny förvaltning', 'NF']), where: { sheet: 'Aktörer', row: 2, column: 'Typ' }, says: /måste anges för en ny aktör/ },
  { name: 'an unknown actor type', make: () => actors(['Ny förvaltning', 'NF', 'Myndighet']), where: { sheet: 'Aktörer', row: 2, column: 'Typ' }, says: /'Myndighet' är ingen aktörstyp; välj Kommun, Förvaltning/ },
  { name: 'a short name over 40 characters', make: () => actors(['Ny förvaltning', 'N'.repeat(41), 'Förvaltning']), where: { sheet: 'Aktörer', row: 2, column: 'Kortnamn' }, says: /högst 40 tecken/ },
  { name: 'the same actor twice', make: () => actors(['Ny förvaltning', null, 'Förvaltning'], ['Ny förvaltning', null, 'Nämnd']), where: { sheet: 'Aktörer', row: 3, column: 'Namn' }, says: /står redan på rad 2/ },
  { name: 'a parent nobody knows', make: () => actors(['Ny förvaltning', null, 'Förvaltning', 'Okänd koncern']), unknown: 'Okänd koncern', says: /./ },
  // CSV.
  { name: 'CSV with a delimiter we do not read', make: () => csv('Forum.csv', [FORUM, ['Ett forum', 'Syfte']], '|'), where: { sheet: 'Forum', row: 1, column: 'Namn|Syfte|Målgrupp|Nivå|Mötesfrekvens|Sammankallande|Effektmål|Kontaktperson/uppgiftslämnare' }, says: /annan avgränsare/ },
  { name: 'CSV with an unclosed quote', make: () => file('Forum.csv', new TextEncoder().encode('Namn;Syfte\n"Ett forum;x\n')), says: /citattecken/ },
  { name: 'CSV in Windows-1252 with a wrong role', make: () => file('Medlemmar.csv', latin1('Forum;Aktör;Roll\r\nBeredningsgrupp barn och unga;ALF;Ordförand\r\n')), where: { sheet: 'Medlemmar', row: 2, column: 'Roll' }, says: /'Ordförand' är ingen roll/ },
  { name: 'CSV in UTF-8 with a BOM and a wrong level', make: () => file('Forum.csv', new TextEncoder().encode('\ufeffNamn,Nivå\r\nEtt forum,Övergripande\r\n')), where: { sheet: 'Forum', row: 2, column: 'Nivå' }, says: /'Övergripande' är ingen nivå/ },
  { name: 'an effektkedja CSV without a målområde', make: () => csv('kedja.csv', [CHAIN, [GYMNASIET, null, null, 'En aktivitet', 'ALF']]), where: { sheet: 'kedja', row: null, column: null }, says: /bladets namn är inget målområde/ },
  { name: 'an effektkedja CSV with an unknown målområde', make: () => csv('kedja.csv', [[...CHAIN, 'Målområde'], [GYMNASIET, null, null, 'En aktivitet', 'ALF', null, null, 'Kultur']]), where: { sheet: 'kedja', row: 2, column: 'Målområde' }, says: /'Kultur' är inget målområde/ },
  { name: 'a CSV date as an Excel serial number', make: () => csv('Medlemmar.csv', [MEMBERS, ['Beredningsgrupp barn och unga', 'ALF', 'Ledamot', '45292']]), where: { sheet: 'Medlemmar', row: 2, column: 'Från' }, says: /Excels dagnummer/ },
];

describe('bad files', () => {
  it('are at least 50', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(CASES)('$name: a Swedish error that says where, and the graph unchanged', async (c) => {
    const { name, bytes } = await c.make();
    const before = await graphFingerprint(server);
    const response = await upload(server, name, bytes, { dryRun: false });
    if (c.status) {
      expect(response.status).toBe(c.status);
      expect(response.errors![0]!.message).toMatch(c.says);
    } else {
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      const report = response.data!.result.report;
      expect(report.applied).toBe(false);
      if (c.unknown) {
        expect(report.unknownActors.map((u: any) => u.name)).toEqual([c.unknown]);
      } else {
        const found = report.issues.filter((i: any) => c.says.test(i.message));
        expect(found, JSON.stringify(report.issues)).not.toHaveLength(0);
        if (c.where) expect(found.map((i: any) => ({ sheet: i.sheet, row: i.row, column: i.column }))).toContainEqual(c.where);
      }
    }
    expect(await graphFingerprint(server)).toEqual(before);
    expect((await server.gql('{ targetAreas { id } }')).status).toBe(200);
  });
});

import { normalize } from './match.ts';

/*
 * The templates' sheets and columns: what the template writes, what an import
 * reads and what an export fills in, so that the three never drift apart.
 */

export type SheetKind = 'actors' | 'forums' | 'members' | 'chain';

/** Where a column's drop-down list takes its values from. */
export type ListSource = 'roles' | 'levels' | 'kinds' | 'targetGroups' | 'targetAreas' | 'goals' | 'actors' | 'forums';

export interface ColumnSpec {
  key: string;
  header: string;
  /** Other headers people write for it ("Långsiktig effekt"). */
  aliases?: readonly string[];
  /** A row without a value here is an error. */
  required?: boolean;
  /** For the instructions sheet. */
  hint: string;
  list?: ListSource;
  width: number;
}

export interface SheetSpec {
  kind: SheetKind;
  /** The sheet's name in a template; an effektkedja sheet is named after its målområde instead. */
  title: string;
  description: string;
  columns: readonly ColumnSpec[];
  /** The template's example row, by column key; a row with a cell that starts with "Exempel:" is never imported. */
  example: Record<string, string>;
}

/** A row with a cell that starts with this is the template's example, not data. */
export const EXAMPLE_MARK = 'Exempel:';

const col = (key: string, header: string, width: number, hint: string, more: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, header, width, hint, ...more });

const ACTORS: SheetSpec = {
  kind: 'actors',
  title: 'Aktörer',
  description: 'En rad per aktör (förvaltning, nämnd, bolag, myndighet, förening, företag …). En aktör som redan finns i kartan känns igen på namn eller kortnamn och uppdateras.',
  columns: [
    col('name', 'Namn', 40, 'Utskrivet, inte förkortat: "Arbetslivsförvaltningen".', { required: true }),
    col('shortName', 'Kortnamn', 14, 'Förkortningen dokumenten använder: "ALF".'),
    col('kind', 'Typ', 20, 'Välj i listan. Krävs för en ny aktör.', { list: 'kinds' }),
    col('partOf', 'Del av', 30, 'Den organisation aktören hör till: "Borås Stad".', { list: 'actors' }),
  ],
  example: { name: `${EXAMPLE_MARK} Arbetslivsförvaltningen`, shortName: 'ALF', kind: 'Förvaltning', partOf: 'Borås Stad' },
};

const FORUMS: SheetSpec = {
  kind: 'forums',
  title: 'Forum',
  description: 'En rad per samverkansforum. Ett forum som redan finns känns igen på namnet och uppdateras; en tom cell ändrar inget.',
  columns: [
    col('name', 'Namn', 36, 'Forumets namn, som det kallas i verksamheten.', { required: true }),
    col('purpose', 'Syfte', 40, 'Varför forumet finns.'),
    col('targetGroups', 'Målgrupp', 24, 'Vilka arbetet är till för: en eller flera av listan, på var sin rad eller med komma.', { list: 'targetGroups' }),
    col('level', 'Nivå', 14, 'Strategisk, taktisk eller operativ.', { list: 'levels' }),
    col('meetingFrequency', 'Mötesfrekvens', 18, '"Varje månad", "4 gånger per år".'),
    col('convenor', 'Sammankallande', 24, 'Den organisation som kallar: namn eller förkortning ("SKA").', { list: 'actors' }),
    col('goals', 'Effektmål', 50, 'Effektmål forumet arbetar för; flera på var sin rad i cellen (Alt+Enter).', { list: 'goals' }),
    col('contact', 'Kontaktperson/uppgiftslämnare', 28, 'Vem som lämnat uppgifterna och kan svara på frågor.', { aliases: ['Kontaktperson', 'Uppgiftslämnare'] }),
  ],
  example: {
    name: `${EXAMPLE_MARK} Samverkansgrupp skola–socialtjänst`,
    purpose: 'Samordna stödet kring elever med hög frånvaro',
    targetGroups: 'Barn och unga',
    level: 'Operativ',
    meetingFrequency: 'Varje månad',
    convenor: 'GRUF',
    goals: 'I Borås ska barn och unga vara förberedda för eftergymnasiala studier eller arbetslivet',
    contact: 'Förnamn Efternamn, GRUF',
  },
};

const MEMBERS: SheetSpec = {
  kind: 'members',
  title: 'Medlemmar',
  description: 'En rad per aktör och forum. Forumet står i bladet Forum eller finns redan i kartan.',
  columns: [
    col('forum', 'Forum', 36, 'Forumets namn, som i bladet Forum.', { required: true, list: 'forums' }),
    col('actor', 'Aktör', 30, 'En aktör per rad: namn eller förkortning ("ALF").', { required: true, list: 'actors' }),
    col('role', 'Roll', 16, 'Ordförande, sammankallande, ledamot eller adjungerad.', { required: true, list: 'roles' }),
    col('from', 'Från', 12, 'Medlem sedan, ÅÅÅÅ-MM-DD (får lämnas tom).'),
    col('to', 'Till', 12, 'Medlem till och med, ÅÅÅÅ-MM-DD; tom så länge det varar.'),
  ],
  example: { forum: `${EXAMPLE_MARK} Samverkansgrupp skola–socialtjänst`, actor: 'GRUF', role: 'Sammankallande', from: '2024-01-01', to: '' },
};

const CHAIN: SheetSpec = {
  kind: 'chain',
  title: 'Effektkedja',
  description: 'Ett blad per målområde, med effektkedjans sju kolumner. En rad per aktivitet; en aktivitet som redan finns känns igen på namnet. Tid och Resurser får lämnas tomma: då visar kartan dem som luckor.',
  columns: [
    col('goals', 'Långsiktiga effekter', 44, 'Effektmålet raden leder mot; flera på var sin rad i cellen. Sammanfogade celler gäller för alla rader de täcker.', {
      aliases: ['Långsiktig effekt', 'Långsiktiga effekter (effektmål)', 'Effektmål'],
      list: 'goals',
    }),
    col('shortTermEffect', 'Kortsiktiga effekter', 36, 'Vad aktiviteten ska leda till på kort sikt.', { aliases: ['Kortsiktig effekt'] }),
    col('output', 'Prestation', 36, 'Vad aktiviteten levererar.'),
    col('name', 'Aktivitet', 40, 'Vad som görs.', { required: true }),
    col('responsible', 'Ansvar', 24, 'Ansvariga aktörer, med förkortning: "GVUF & ALF", "SKA och ALF". Text som inte är en aktör ("berörda förvaltningar") sparas som anteckning.', { list: 'actors' }),
    col('period', 'Tid', 14, 'När: "2024", "2024–2025", "HT 2024".'),
    col('resources', 'Resurser', 24, 'Vad som avsätts: tid, pengar, personal.'),
    col('targetArea', 'Målområde', 30, 'Bara i CSV-filer, där bladets namn inte finns: målområdet raden hör till.', { list: 'targetAreas' }),
  ],
  example: {
    goals: 'I Borås ska alla invånare i arbetsför ålder ha utbildning på gymnasienivå',
    shortTermEffect: 'Individer återgår till, eller påbörjar studier',
    output: 'Identifiera och motivera individer som saknar utbildning på gymnasienivå',
    name: `${EXAMPLE_MARK} Uppsökande verksamhet`,
    responsible: 'GVUF och ALF',
    period: '2025',
    resources: '',
  },
};

export const SHEETS: Record<SheetKind, SheetSpec> = { actors: ACTORS, forums: FORUMS, members: MEMBERS, chain: CHAIN };

/** The column of a sheet kind whose header (or alias) this is. */
export function columnFor(spec: SheetSpec, header: string): ColumnSpec | undefined {
  const key = normalize(header).replace(/\s*\*$/, '');
  return spec.columns.find((c) => [c.header, ...(c.aliases ?? [])].some((h) => normalize(h) === key));
}

/** The columns a chain sheet in a workbook has: Målområde is for CSV only, where a sheet has no name to say it. */
export function templateColumns(spec: SheetSpec): readonly ColumnSpec[] {
  return spec.kind === 'chain' ? spec.columns.filter((c) => c.key !== 'targetArea') : spec.columns;
}

export interface TemplateSpec {
  key: 'forumkartlaggning' | 'effektkedja' | 'aktorer';
  title: string;
  sheets: readonly SheetKind[];
}

export const TEMPLATES: readonly TemplateSpec[] = [
  { key: 'forumkartlaggning', title: 'Forumkartläggning', sheets: ['forums', 'members'] },
  { key: 'effektkedja', title: 'Effektkedja', sheets: ['chain'] },
  { key: 'aktorer', title: 'Aktörer', sheets: ['actors'] },
];

/** The name of the instructions sheet: an import passes over it. */
export const INSTRUCTIONS_SHEET = 'Instruktioner';
/** The hidden sheet that holds the drop-down lists' values. */
export const LISTS_SHEET = 'Listor';

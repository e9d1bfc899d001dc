import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { GraphStore, WriteStep } from '../server/store/port.ts';
import { ACTOR_KINDS } from '../server/domain/sectors.ts';
import { ACTIVITY_KINDS, COLLABORATION_TYPES, FORUM_LEVELS, FUNDING_BREAKDOWNS, MEMBER_ROLES, SOURCE_BASES, type SourceBasis } from '../server/domain/vocabulary.ts';
import { type DomainType, typeOfId } from '../server/domain/ids.ts';

const DATA_DIR = new URL('./data/', import.meta.url);

const status = z.enum(['ADOPTED', 'PROPOSED']);
/**
 * What a fact rests on: the quote, as the document's text prints it, and its
 * basis. Optional here, because generated data has no documents to quote; the
 * Borås data must have them (test/unit/seed-quotes.test.ts).
 */
const evidence = {
  quote: z.string().min(1).optional(),
  basis: z.enum(SOURCE_BASES).optional(),
  note: z.string().min(1).nullable().optional(),
};
/** An inference without its reasoning cannot be checked by a reader. */
const noteForInferred = (e: { basis?: unknown; note?: unknown }) => e.basis !== 'INFERRED' || !!e.note;
const INFERRED_NEEDS_NOTE = { message: 'an INFERRED fact needs a note saying how it is inferred' };
const source = z.object({ document: z.string().min(1), section: z.string().nullable().optional(), ...evidence }).refine(noteForInferred, INFERRED_NEEDS_NOTE);
/** A link's own evidence: a link is a claim like a record is. Its document and section default to its record's. */
const linkSource = { document: z.string().min(1).optional(), section: z.string().nullable().optional(), ...evidence, status: status.optional() };
/** A link to another record: its id, or its id with the link's evidence. */
const ref = z.union([z.string(), z.object({ id: z.string(), ...linkSource }).refine(noteForInferred, INFERRED_NEEDS_NOTE)]);
const base = { id: z.string(), status, source };
const ids = z.array(ref).default([]);
/** When a forum, activity or collaboration held, where a document dates it (ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD); none: throughout. */
const validity = { validFrom: z.string().nullable().optional(), validTo: z.string().nullable().optional() };
const validityOf = (r: { validFrom?: string | null; validTo?: string | null }) => ({ validFrom: r.validFrom ?? null, validTo: r.validTo ?? null });
const optionalRef = ref.nullable().optional();
/** A link that carries its own fields (a role) beside its evidence. */
const seat = <T extends z.ZodRawShape>(fields: T) => z.object({ ...fields, ...linkSource }).refine(noteForInferred, INFERRED_NEEDS_NOTE);

/** The shape of each data file: what the documents state, each record and link with the quote it rests on. */
const files = {
  documents: z.array(z.object({ code: z.string(), title: z.string(), file: z.string(), status })),
  actors: z.array(z.object({ ...base, name: z.string().min(1), shortName: z.string().nullable().optional(), kind: z.enum(ACTOR_KINDS), partOf: optionalRef })),
  'overarching-goals': z.array(z.object({ ...base, text: z.string().min(1) })),
  'target-areas': z.array(z.object({ ...base, name: z.string().min(1), overarchingGoal: optionalRef })),
  goals: z.array(z.object({ ...base, text: z.string().min(1), targetArea: ref })),
  areas: z.array(z.object({ ...base, name: z.string().min(1) })),
  strategies: z.array(z.object({ ...base, name: z.string().min(1), description: z.string().nullable().optional(), targetArea: optionalRef, measures: z.array(z.string()).default([]) })),
  'policy-documents': z.array(z.object({ ...base, title: z.string().min(1), type: z.string().nullable().optional(), owner: optionalRef, adopted: z.string().nullable().optional(), validFrom: z.string().nullable().optional(), validUntil: z.string().nullable().optional() })),
  activities: z.array(z.object({
    ...base, name: z.string().min(1), kind: z.enum(ACTIVITY_KINDS), output: z.string().nullable().optional(), shortTermEffect: z.string().nullable().optional(),
    period: z.string().nullable().optional(), resources: z.string().nullable().optional(), responsible: ids,
    /** The part of an Ansvar cell that names no one actor ("samtliga förvaltningar & bolag"), in the cell's words. */
    responsibleOthers: z.string().min(1).nullable().optional(),
    goals: ids, strategies: ids, areas: ids, policyDocuments: ids, ...validity,
  })),
  forums: z.array(z.object({ ...base, name: z.string().min(1), purpose: z.string().nullable().optional(), level: z.enum(FORUM_LEVELS).nullable().optional(), meetingFrequency: z.string().nullable().optional(), convenor: optionalRef, members: z.array(seat({ actor: z.string(), role: z.enum(MEMBER_ROLES) })).default([]), goals: ids, coordinates: ids, policyDocuments: ids, ...validity })),
  collaborations: z.array(z.object({ ...base, name: z.string().min(1), type: z.enum(COLLABORATION_TYPES).nullable().optional(), description: z.string().nullable().optional(), participants: z.array(seat({ actor: z.string(), role: z.string().nullable().optional() })).default([]), forums: ids, activities: ids, targetLevel: z.null().optional(), ...validity })),
  /** Work the documents say must be coordinated; each pair becomes a SHOULD_COORDINATE_WITH link. */
  'coordination-needs': z.array(z.object({ members: z.array(z.string()).min(2), reason: z.string().min(1), status, source })),
  funding: z.array(z.object({ ...base, funder: z.string().min(1), breakdown: z.enum(FUNDING_BREAKDOWNS).optional(), description: z.string().nullable().optional(), year: z.number().int().nullable().optional(), amountSek: z.number(), targetArea: optionalRef, activity: optionalRef })),
  /** Officials named with a målområde (seed 001), each with the role they hold there. */
  people: z.array(z.object({ ...base, name: z.string().min(1), title: z.string().nullable().optional(), roles: z.array(seat({ id: z.string(), role: z.string().min(1) })).default([]) })),
};

export type SeedData = { [K in keyof typeof files]: z.infer<(typeof files)[K]> };

/** Reads and checks every data file; an error names the file, the record and the field. */
export function readSeedData(dir: URL = DATA_DIR): SeedData {
  const data = {} as Record<string, unknown>;
  for (const [name, schema] of Object.entries(files)) {
    const file = new URL(`${name}.json`, dir);
    const label = `seed/data/${name}.json`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      // JSON.parse names a position, never the file: a cut or hand-edited file is found by its name.
      throw new Error(`${label}: kan inte läsas som JSON (${(error as Error).message}). Hämta filen på nytt ur git (git checkout -- seed/data).`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const index = issue.path[0];
      const id = typeof index === 'number' ? (raw as { id?: string }[])[index]?.id : undefined;
      throw new Error(`${label}${id ? ` (${id})` : ''}: ${issue.path.slice(1).join('.') || 'record'}: ${issue.message}`);
    }
    data[name] = parsed.data;
  }
  const seed = data as SeedData;
  checkReferences(seed);
  return seed;
}

/** The files whose records become nodes (the rest describe documents and links). */
const NODE_FILES = Object.keys(files).filter((name) => name !== 'documents' && name !== 'coordination-needs') as (keyof SeedData)[];

type Source = z.infer<typeof source>;
type Status = z.infer<typeof status>;
type Ref = z.infer<typeof ref>;
type LinkSource = { id?: string; document?: string; section?: string | null; quote?: string; basis?: SourceBasis; note?: string | null; status?: Status };

/** Every record that becomes a node, with the file it came from. */
export function nodeRecords(seed: SeedData): { file: string; id: string; status: Status; source: Source }[] {
  return NODE_FILES.flatMap((file) => (seed[file] as { id: string; status: Status; source: Source }[]).map((r) => ({ ...r, file })));
}

/** One fact the data states, with what it rests on: a record, or a link between two records. */
export interface Claim {
  /** Which fact: `actors.json actor:ska`, or `RESPONSIBLE_FOR actor:ska → activity:…`. */
  what: string;
  /** The document's code (documents.json). */
  document: string;
  section: string | null;
  quote?: string;
  basis?: SourceBasis;
  note?: string | null;
  status: Status;
}

/**
 * A link's evidence, filled in from the record it is written in: the same
 * document and section unless it names its own, and the record's status unless
 * its evidence is in another document, which then decides.
 */
function linkClaim(seed: SeedData, what: string, owner: { status: Status; source: Source }, link: LinkSource | string): Claim {
  const own = typeof link === 'string' ? {} : link;
  const elsewhere = own.document !== undefined && own.document !== owner.source.document;
  const documentStatus = seed.documents.find((d) => d.code === own.document)?.status ?? owner.status;
  return {
    what,
    document: own.document ?? owner.source.document,
    section: own.section !== undefined ? own.section : elsewhere ? null : (owner.source.section ?? null),
    quote: own.quote,
    basis: own.basis,
    note: own.note,
    status: own.status ?? (elsewhere ? documentStatus : owner.status),
  };
}

/** The id a link points at, written alone or with its evidence. */
export const idOf = (r: Ref): string => (typeof r === 'string' ? r : r.id);

/** Every record and every link, each with the quote it rests on (or none, which the quote test reports). */
export function seedClaims(seed: SeedData): Claim[] {
  const records = nodeRecords(seed).map(({ file, id, status, source }) => ({
    what: `${file}.json ${id}`,
    document: source.document,
    section: source.section ?? null,
    quote: source.quote,
    basis: source.basis,
    note: source.note,
    status,
  }));
  return [...records, ...links(seed).map((l) => l.claim)];
}

/** Every id a record points at must exist, with the type the relationship needs. */
export function checkReferences(seed: SeedData): void {
  const known = new Set<string>();
  const documents = new Set(seed.documents.map((d) => d.code));
  for (const { file, id, source } of nodeRecords(seed)) {
    if (!documents.has(source.document)) throw new Error(`seed/data/${file}.json (${id}): source.document: "${source.document}" is not in documents.json`);
    if (!typeOfId(id)) throw new Error(`seed/data/${file}.json: id "${id}" has no known type prefix`);
    if (known.has(id)) throw new Error(`seed/data/${file}.json: id "${id}" is used twice`);
    known.add(id);
  }
  for (const link of links(seed)) {
    if (!documents.has(link.claim.document)) throw new Error(`seed data: ${link.rel} from ${link.from} to ${link.to}: document "${link.claim.document}" is not in documents.json`);
    for (const [end, type] of [[link.from, link.fromType], [link.to, link.toType]] as const) {
      if (!known.has(end)) throw new Error(`seed data: ${link.rel} from ${link.from} to ${link.to}: "${end}" does not exist`);
      if (type && !type.includes(typeOfId(end)!)) throw new Error(`seed data: ${link.rel} from ${link.from}: "${end}" is not a ${type.join(' or ')}`);
    }
  }
}

const SOURCE_DOCUMENT_TITLES = (seed: SeedData) => new Map(seed.documents.map((d) => [d.code, d.title]));

/**
 * A claim as stored properties (Neo4j stores no maps): the same names on a node
 * and on a relationship, so the API reads both one way (server/schema/source.ts).
 */
function sourceProps(titles: Map<string, string>, claim: Omit<Claim, 'what'>) {
  return {
    status: claim.status,
    sourceDocument: titles.get(claim.document) ?? claim.document,
    sourceSection: claim.section,
    sourceQuote: claim.quote ?? null,
    sourceBasis: claim.basis ?? null,
    sourceNote: claim.note ?? null,
  };
}

interface Link {
  rel: string;
  from: string;
  to: string;
  props?: Record<string, unknown>;
  fromType?: DomainType[];
  toType?: DomainType[];
  claim: Claim;
  /** Whether the data gave this link its own evidence; links of generated data have none to store. */
  evidenced: boolean;
}

/** The relationships the data files state, by DESIGN.md's names, each with its evidence. */
function links(seed: SeedData): Link[] {
  const out: Link[] = [];
  type Owner = { status: Status; source: Source };
  /** A link written in `owner`'s record; `cited` is the end written as a reference, which carries the evidence. */
  const add = (owner: Owner, rel: string, from: string, to: string, fromType: DomainType[], toType: DomainType[], cited: Ref | LinkSource, props?: Record<string, unknown>) => {
    if (!from || !to) return;
    const claim = linkClaim(seed, `${rel} ${from} → ${to}`, owner, cited as LinkSource | string);
    out.push({ rel, from, to, props, fromType, toType, claim, evidenced: typeof cited !== 'string' });
  };
  const to = (owner: Owner & { id: string }, rel: string, target: Ref | null | undefined, fromType: DomainType[], toType: DomainType[]) => {
    if (target) add(owner, rel, owner.id, idOf(target), fromType, toType, target);
  };
  for (const a of seed.actors) to(a, 'PART_OF', a.partOf, ['Actor'], ['Actor']);
  for (const t of seed['target-areas']) to(t, 'SERVES', t.overarchingGoal, ['TargetArea'], ['OverarchingGoal']);
  for (const g of seed.goals) to(g, 'IN_TARGET_AREA', g.targetArea, ['Goal'], ['TargetArea']);
  for (const s of seed.strategies) to(s, 'IN_TARGET_AREA', s.targetArea, ['Strategy'], ['TargetArea']);
  for (const d of seed['policy-documents']) if (d.owner) add(d, 'OWNS', idOf(d.owner), d.id, ['Actor'], ['PolicyDocument'], d.owner);
  for (const x of seed.activities) {
    for (const a of x.responsible) add(x, 'RESPONSIBLE_FOR', idOf(a), x.id, ['Actor'], ['Activity'], a);
    for (const g of x.goals) to(x, 'CONTRIBUTES_TO', g, ['Activity'], ['Goal']);
    for (const s of x.strategies) to(x, 'IMPLEMENTS', s, ['Activity'], ['Strategy']);
    for (const a of x.areas) to(x, 'IN_AREA', a, ['Activity'], ['Area']);
    for (const d of x.policyDocuments) to(x, 'GOVERNED_BY', d, ['Activity'], ['PolicyDocument']);
  }
  for (const f of seed.forums) {
    if (f.convenor) add(f, 'CONVENES', idOf(f.convenor), f.id, ['Actor'], ['Forum'], f.convenor);
    for (const m of f.members) add(f, 'MEMBER_OF', m.actor, f.id, ['Actor'], ['Forum'], m, { role: m.role });
    for (const g of f.goals) to(f, 'WORKS_ON', g, ['Forum'], ['Goal']);
    for (const x of f.coordinates) to(f, 'COORDINATES', x, ['Forum'], ['Activity']);
    for (const d of f.policyDocuments) to(f, 'GOVERNED_BY', d, ['Forum'], ['PolicyDocument']);
  }
  for (const c of seed.collaborations) {
    for (const p of c.participants) add(c, 'PARTICIPATES_IN', p.actor, c.id, ['Actor'], ['Collaboration'], p, { role: p.role ?? null });
    for (const f of c.forums) to(c, 'THROUGH', f, ['Collaboration'], ['Forum']);
    for (const x of c.activities) to(c, 'ON', x, ['Collaboration'], ['Activity']);
  }
  for (const need of seed['coordination-needs']) {
    need.members.forEach((from, i) =>
      need.members.slice(i + 1).forEach((target) => add(need, 'SHOULD_COORDINATE_WITH', from, target, ['Activity', 'Forum'], ['Activity', 'Forum'], need.source, { reason: need.reason })),
    );
  }
  for (const f of seed.funding) {
    to(f, 'FUNDS', f.targetArea, ['Funding'], ['TargetArea']);
    to(f, 'FUNDS', f.activity, ['Funding'], ['Activity']);
  }
  for (const p of seed.people) for (const r of p.roles) add(p, 'OFFICIAL_OF', p.id, r.id, ['Person'], ['TargetArea', 'OverarchingGoal'], r, { role: r.role });
  return out;
}

/** The write steps that put the seed graph in a store: upserts, so loading twice gives the same graph. */
export function seedSteps(seed: SeedData): WriteStep[] {
  const titles = SOURCE_DOCUMENT_TITLES(seed);
  const common = (r: { status: Status; source: Source }) =>
    sourceProps(titles, { ...r.source, section: r.source.section ?? null, status: r.status });
  const rows = <T extends { id: string }>(records: T[], props: (r: T, index: number) => Record<string, unknown>) =>
    records.map((r, index) => ({ id: r.id, props: { ...props(r, index), ...common(r as never) } }));
  const steps: WriteStep[] = [
    { query: 'actor/upsert-actors', params: { rows: rows(seed.actors, (a) => ({ name: a.name, shortName: a.shortName ?? null, kind: a.kind })) } },
    { query: 'target-area/upsert-overarching-goals', params: { rows: rows(seed['overarching-goals'], (g) => ({ text: g.text })) } },
    { query: 'target-area/upsert-target-areas', params: { rows: rows(seed['target-areas'], (t, order) => ({ name: t.name, order })) } },
    { query: 'goal/upsert-goals', params: { rows: rows(seed.goals, (g) => ({ text: g.text })) } },
    { query: 'area/upsert-areas', params: { rows: rows(seed.areas, (a) => ({ name: a.name })) } },
    { query: 'strategy/upsert-strategies', params: { rows: rows(seed.strategies, (s) => ({ name: s.name, description: s.description ?? null, measures: s.measures })) } },
    { query: 'policy-document/upsert-policy-documents', params: { rows: rows(seed['policy-documents'], (d) => ({ title: d.title, type: d.type ?? null, adopted: d.adopted ?? null, validFrom: d.validFrom ?? null, validUntil: d.validUntil ?? null })) } },
    { query: 'activity/upsert-activities', params: { rows: rows(seed.activities, (x) => ({ name: x.name, kind: x.kind, output: x.output ?? null, shortTermEffect: x.shortTermEffect ?? null, period: x.period ?? null, resources: x.resources ?? null, responsibleOthers: x.responsibleOthers ?? null, ...validityOf(x) })) } },
    { query: 'forum/upsert-forums', params: { rows: rows(seed.forums, (f) => ({ name: f.name, purpose: f.purpose ?? null, level: f.level ?? null, meetingFrequency: f.meetingFrequency ?? null, ...validityOf(f) })) } },
    { query: 'collaboration/upsert-collaborations', params: { rows: rows(seed.collaborations, (c) => ({ name: c.name, type: c.type ?? null, description: c.description ?? null, ...validityOf(c) })) } },
    { query: 'target-area/upsert-funding', params: { rows: rows(seed.funding, (f) => ({ funder: f.funder, breakdown: f.breakdown ?? null, description: f.description ?? null, year: f.year ?? null, amountSek: f.amountSek })) } },
    { query: 'person/upsert-people', params: { rows: rows(seed.people, (p) => ({ name: p.name, title: p.title ?? null })) } },
  ];
  const byRel = new Map<string, { from: string; to: string; props: Record<string, unknown> }[]>();
  for (const link of links(seed)) {
    const list = byRel.get(link.rel) ?? [];
    const { what: _what, ...claim } = link.claim;
    list.push({ from: link.from, to: link.to, props: { ...link.props, ...(link.evidenced ? sourceProps(titles, claim) : {}) } });
    byRel.set(link.rel, list);
  }
  for (const [rel, list] of byRel) {
    steps.push({ query: `link/link-${rel.toLowerCase().replaceAll('_', '-')}`, params: { rows: list } });
  }
  return steps;
}

/** Loads the Borås seed graph in one transaction. */
export async function loadSeed(store: GraphStore, seed: SeedData = readSeedData()): Promise<void> {
  await store.write(seedSteps(seed));
}

/** Loads the seed graph only into a store with no domain nodes: a restart never seeds twice. */
export async function seedIfEmpty(store: GraphStore): Promise<boolean> {
  const [row] = await store.read<{ count: number }>('node/count-entities');
  if ((row?.count ?? 0) > 0) return false;
  await loadSeed(store);
  return true;
}

/**
 * Loads a large graph (the synthetic regional or national one) in batches of
 * `rowsPerTransaction`, nodes before links. Each batch is its own transaction:
 * for bulk loads of generated data, where one huge transaction buys nothing.
 */
export async function loadInBatches(store: GraphStore, seed: SeedData, rowsPerTransaction = 5000): Promise<void> {
  for (const step of seedSteps(seed)) {
    if (typeof step === 'function') throw new Error('seed steps are plain statements');
    const rows = (step.params?.rows ?? []) as unknown[];
    for (let i = 0; i < rows.length; i += rowsPerTransaction) {
      await store.write([{ query: step.query, params: { rows: rows.slice(i, i + rowsPerTransaction) } }]);
    }
  }
}

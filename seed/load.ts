import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { GraphStore, WriteStep } from '../server/store/port.ts';
import { ACTOR_KINDS } from '../server/domain/sectors.ts';
import { ACTIVITY_KINDS, COLLABORATION_TYPES, FORUM_LEVELS, MEMBER_ROLES } from '../server/domain/vocabulary.ts';
import { type DomainType, typeOfId } from '../server/domain/ids.ts';

const DATA_DIR = new URL('./data/', import.meta.url);

const status = z.enum(['ADOPTED', 'PROPOSED']);
const source = z.object({ document: z.string().min(1), section: z.string().nullable().optional() });
const base = { id: z.string(), status, source };
const ids = z.array(z.string()).default([]);

/** The shape of each data file: what the documents state, each record with its source. */
const files = {
  documents: z.array(z.object({ code: z.string(), title: z.string(), file: z.string(), status })),
  actors: z.array(z.object({ ...base, name: z.string().min(1), shortName: z.string().nullable().optional(), kind: z.enum(ACTOR_KINDS), partOf: z.string().nullable().optional() })),
  'overarching-goals': z.array(z.object({ ...base, text: z.string().min(1) })),
  'target-areas': z.array(z.object({ ...base, name: z.string().min(1), overarchingGoal: z.string().nullable().optional() })),
  goals: z.array(z.object({ ...base, text: z.string().min(1), targetArea: z.string() })),
  areas: z.array(z.object({ ...base, name: z.string().min(1) })),
  strategies: z.array(z.object({ ...base, name: z.string().min(1), description: z.string().nullable().optional(), targetArea: z.string().nullable().optional(), measures: z.array(z.string()).default([]) })),
  'policy-documents': z.array(z.object({ ...base, title: z.string().min(1), type: z.string().nullable().optional(), owner: z.string().nullable().optional(), adopted: z.string().nullable().optional(), validUntil: z.string().nullable().optional() })),
  activities: z.array(z.object({ ...base, name: z.string().min(1), kind: z.enum(ACTIVITY_KINDS), output: z.string().nullable().optional(), shortTermEffect: z.string().nullable().optional(), period: z.string().nullable().optional(), resources: z.string().nullable().optional(), responsible: ids, goals: ids, strategies: ids, areas: ids, policyDocuments: ids })),
  forums: z.array(z.object({ ...base, name: z.string().min(1), purpose: z.string().nullable().optional(), level: z.enum(FORUM_LEVELS).nullable().optional(), meetingFrequency: z.string().nullable().optional(), convenor: z.string().nullable().optional(), members: z.array(z.object({ actor: z.string(), role: z.enum(MEMBER_ROLES) })).default([]), goals: ids, coordinates: ids, policyDocuments: ids })),
  collaborations: z.array(z.object({ ...base, name: z.string().min(1), type: z.enum(COLLABORATION_TYPES).nullable().optional(), description: z.string().nullable().optional(), participants: z.array(z.object({ actor: z.string(), role: z.string().nullable().optional() })).default([]), forums: ids, activities: ids, targetLevel: z.null().optional() })),
  /** Work the documents say must be coordinated; each pair becomes a SHOULD_COORDINATE_WITH link. */
  'coordination-needs': z.array(z.object({ members: z.array(z.string()).min(2), reason: z.string().min(1), status, source })),
  funding: z.array(z.object({ ...base, funder: z.string().min(1), breakdown: z.enum(['PER_YEAR', 'PER_TARGET_AREA']).optional(), description: z.string().nullable().optional(), year: z.number().int().nullable().optional(), amountSek: z.number(), targetArea: z.string().nullable().optional(), activity: z.string().nullable().optional() })),
};

export type SeedData = { [K in keyof typeof files]: z.infer<(typeof files)[K]> };

/** Reads and checks every data file; an error names the file, the record and the field. */
export function readSeedData(dir: URL = DATA_DIR): SeedData {
  const data = {} as Record<string, unknown>;
  for (const [name, schema] of Object.entries(files)) {
    const raw: unknown = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const index = issue.path[0];
      const id = typeof index === 'number' ? (raw as { id?: string }[])[index]?.id : undefined;
      throw new Error(`seed/data/${name}.json${id ? ` (${id})` : ''}: ${issue.path.slice(1).join('.') || 'record'}: ${issue.message}`);
    }
    data[name] = parsed.data;
  }
  const seed = data as SeedData;
  checkReferences(seed);
  return seed;
}

/** The files whose records become nodes (the rest describe documents and links). */
const NODE_FILES = Object.keys(files).filter((name) => name !== 'documents' && name !== 'coordination-needs') as (keyof SeedData)[];

/** Every record that becomes a node, with the file it came from. */
export function nodeRecords(seed: SeedData): { file: string; id: string; status: string; source: { document: string } }[] {
  return NODE_FILES.flatMap((file) => (seed[file] as { id: string; status: string; source: { document: string } }[]).map((r) => ({ ...r, file })));
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
    for (const [end, type] of [[link.from, link.fromType], [link.to, link.toType]] as const) {
      if (!known.has(end)) throw new Error(`seed data: ${link.rel} from ${link.from} to ${link.to}: "${end}" does not exist`);
      if (type && !type.includes(typeOfId(end)!)) throw new Error(`seed data: ${link.rel} from ${link.from}: "${end}" is not a ${type.join(' or ')}`);
    }
  }
}

const SOURCE_DOCUMENT_TITLES = (seed: SeedData) => new Map(seed.documents.map((d) => [d.code, d.title]));

interface Link {
  rel: string;
  from: string;
  to: string;
  props?: Record<string, unknown>;
  fromType?: DomainType[];
  toType?: DomainType[];
}

/** The relationships the data files state, by DESIGN.md's names. */
function links(seed: SeedData): Link[] {
  const out: Link[] = [];
  const add = (rel: string, from: string, to: string | null | undefined, fromType: DomainType[], toType: DomainType[], props?: Record<string, unknown>) => {
    if (to) out.push({ rel, from, to, props, fromType, toType });
  };
  for (const a of seed.actors) add('PART_OF', a.id, a.partOf, ['Actor'], ['Actor']);
  for (const t of seed['target-areas']) add('SERVES', t.id, t.overarchingGoal, ['TargetArea'], ['OverarchingGoal']);
  for (const g of seed.goals) add('IN_TARGET_AREA', g.id, g.targetArea, ['Goal'], ['TargetArea']);
  for (const s of seed.strategies) add('IN_TARGET_AREA', s.id, s.targetArea, ['Strategy'], ['TargetArea']);
  for (const d of seed['policy-documents']) if (d.owner) add('OWNS', d.owner, d.id, ['Actor'], ['PolicyDocument']);
  for (const x of seed.activities) {
    for (const a of x.responsible) add('RESPONSIBLE_FOR', a, x.id, ['Actor'], ['Activity']);
    for (const g of x.goals) add('CONTRIBUTES_TO', x.id, g, ['Activity'], ['Goal']);
    for (const s of x.strategies) add('IMPLEMENTS', x.id, s, ['Activity'], ['Strategy']);
    for (const a of x.areas) add('IN_AREA', x.id, a, ['Activity'], ['Area']);
    for (const d of x.policyDocuments) add('GOVERNED_BY', x.id, d, ['Activity'], ['PolicyDocument']);
  }
  for (const f of seed.forums) {
    add('CONVENES', f.convenor ?? '', f.id, ['Actor'], ['Forum']);
    for (const m of f.members) add('MEMBER_OF', m.actor, f.id, ['Actor'], ['Forum'], { role: m.role });
    for (const g of f.goals) add('WORKS_ON', f.id, g, ['Forum'], ['Goal']);
    for (const x of f.coordinates) add('COORDINATES', f.id, x, ['Forum'], ['Activity']);
    for (const d of f.policyDocuments) add('GOVERNED_BY', f.id, d, ['Forum'], ['PolicyDocument']);
  }
  for (const c of seed.collaborations) {
    for (const p of c.participants) add('PARTICIPATES_IN', p.actor, c.id, ['Actor'], ['Collaboration'], { role: p.role ?? null });
    for (const f of c.forums) add('THROUGH', c.id, f, ['Collaboration'], ['Forum']);
    for (const x of c.activities) add('ON', c.id, x, ['Collaboration'], ['Activity']);
  }
  const titles = SOURCE_DOCUMENT_TITLES(seed);
  for (const need of seed['coordination-needs']) {
    const props = { reason: need.reason, status: need.status, sourceDocument: titles.get(need.source.document), sourceSection: need.source.section ?? null };
    need.members.forEach((from, i) =>
      need.members.slice(i + 1).forEach((to) => add('SHOULD_COORDINATE_WITH', from, to, ['Activity', 'Forum'], ['Activity', 'Forum'], props)),
    );
  }
  for (const f of seed.funding) {
    add('FUNDS', f.id, f.targetArea, ['Funding'], ['TargetArea']);
    add('FUNDS', f.id, f.activity, ['Funding'], ['Activity']);
  }
  return out.filter((link) => link.from);
}

/** The write steps that put the seed graph in a store: upserts, so loading twice gives the same graph. */
export function seedSteps(seed: SeedData): WriteStep[] {
  const titles = SOURCE_DOCUMENT_TITLES(seed);
  const common = (r: { status: string; source: { document: string; section?: string | null } }) => ({
    status: r.status,
    sourceDocument: titles.get(r.source.document) ?? r.source.document,
    sourceSection: r.source.section ?? null,
  });
  const rows = <T extends { id: string }>(records: T[], props: (r: T, index: number) => Record<string, unknown>) =>
    records.map((r, index) => ({ id: r.id, props: { ...props(r, index), ...common(r as never) } }));
  const steps: WriteStep[] = [
    { query: 'actor/upsert-actors', params: { rows: rows(seed.actors, (a) => ({ name: a.name, shortName: a.shortName ?? null, kind: a.kind })) } },
    { query: 'target-area/upsert-overarching-goals', params: { rows: rows(seed['overarching-goals'], (g) => ({ text: g.text })) } },
    { query: 'target-area/upsert-target-areas', params: { rows: rows(seed['target-areas'], (t, order) => ({ name: t.name, order })) } },
    { query: 'goal/upsert-goals', params: { rows: rows(seed.goals, (g) => ({ text: g.text })) } },
    { query: 'area/upsert-areas', params: { rows: rows(seed.areas, (a) => ({ name: a.name })) } },
    { query: 'strategy/upsert-strategies', params: { rows: rows(seed.strategies, (s) => ({ name: s.name, description: s.description ?? null, measures: s.measures })) } },
    { query: 'policy-document/upsert-policy-documents', params: { rows: rows(seed['policy-documents'], (d) => ({ title: d.title, type: d.type ?? null, adopted: d.adopted ?? null, validUntil: d.validUntil ?? null })) } },
    { query: 'activity/upsert-activities', params: { rows: rows(seed.activities, (x) => ({ name: x.name, kind: x.kind, output: x.output ?? null, shortTermEffect: x.shortTermEffect ?? null, period: x.period ?? null, resources: x.resources ?? null })) } },
    { query: 'forum/upsert-forums', params: { rows: rows(seed.forums, (f) => ({ name: f.name, purpose: f.purpose ?? null, level: f.level ?? null, meetingFrequency: f.meetingFrequency ?? null })) } },
    { query: 'collaboration/upsert-collaborations', params: { rows: rows(seed.collaborations, (c) => ({ name: c.name, type: c.type ?? null, description: c.description ?? null })) } },
    { query: 'target-area/upsert-funding', params: { rows: rows(seed.funding, (f) => ({ funder: f.funder, breakdown: f.breakdown ?? null, description: f.description ?? null, year: f.year ?? null, amountSek: f.amountSek })) } },
  ];
  const byRel = new Map<string, { from: string; to: string; props: Record<string, unknown> }[]>();
  for (const link of links(seed)) {
    const list = byRel.get(link.rel) ?? [];
    list.push({ from: link.from, to: link.to, props: link.props ?? {} });
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

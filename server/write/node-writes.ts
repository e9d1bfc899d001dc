import type { GraphStore, Row } from '../store/port.ts';
import { type DomainType, ID_PREFIXES, newId } from '../domain/ids.ts';
import { type Author, type NodeRow, WritePlan } from './plan.ts';
import { ends, linkStatement, type RelationSpec } from './relations.ts';
import { ValidationError } from './refusals.ts';

/*
 * The writes every editable node type shares: create, update, delete, link and
 * unlink, each one transaction with its audit record. The GraphQL modules say
 * what the input means (which properties, which links); these say how it is
 * written.
 */

export type Props = Record<string, unknown>;

/** A link a write makes: to `targetId`, of the kind `spec`, named by input field `field`. */
export interface LinkTo {
  spec: RelationSpec;
  targetId: string;
  field: string;
  props?: Props;
}

/** A single-valued link an update sets (null clears it): a forum's convenor, a goal's målområde. */
export interface SingleLink {
  /** The key before and after use for it in the audit record, e.g. `convenor`. */
  key: string;
  spec: RelationSpec;
  targetId: string | null;
  field: string;
}

/**
 * A many-valued link an update sets to a whole new state: a forum's members,
 * an activity's ansvar. Links not in `targets` go, new ones come, and one whose
 * properties change is updated in place (a seat counts its version up), so a
 * form's save is one write that lands whole or not at all.
 */
export interface LinkSet {
  /** The key before and after use for it in the audit record, e.g. `members`. */
  key: string;
  spec: RelationSpec;
  targets: LinkTo[];
  /** Seats carry their own version (memberships, participations); plain links carry none. */
  versioned?: boolean;
}

export interface LinkRow {
  type: string;
  from: string;
  to: string;
  props: Props;
}

interface Write {
  store: GraphStore;
  author: Author;
  operation: string;
  type: DomainType;
}

export const linkRow = (spec: RelationSpec, id: string, targetId: string, props: Props = {}): LinkRow => ({
  type: spec.rel,
  ...ends(spec, id, targetId),
  props,
});

/** Creates a node of `type` with `props`, and its first links. */
export async function createNode<T = NodeRow>(w: Write & { props: Props; links: LinkTo[] }): Promise<T> {
  const plan = new WritePlan(w.operation, w.author);
  const id = newId(w.type);
  plan.expectReferences(w.links.map((l) => ({ id: l.targetId, type: l.spec.other, field: l.field })));
  const folder = ID_PREFIXES[w.type];
  const created = plan.add({ query: `${folder}/create-${folder}`, params: { id, props: w.props } });
  const links = w.links.map((l) => linkRow(l.spec, id, l.targetId, l.props));
  addLinks(plan, links);
  plan.record((results) => ({
    subjects: [id, ...w.links.map((l) => l.targetId)],
    versioned: [id],
    before: null,
    after: { ...(nodeOf(created(results)) as Props), links },
  }));
  return nodeOf(created(await plan.run(w.store))) as T;
}

/**
 * Sets `props` (null removes one) and single-valued links on a node that is
 * still at `version`; counts its version up.
 */
export async function updateNode<T = NodeRow>(
  w: Write & { id: string; version: number; props: Props; singles: SingleLink[]; sets?: LinkSet[] },
): Promise<T> {
  const plan = new WritePlan(w.operation, w.author);
  const sets = w.sets ?? [];
  const before = plan.expectNode(w.id, w.type, 'input.id', w.version);
  plan.expectReferences([
    ...w.singles.flatMap((s) => (s.targetId ? [{ id: s.targetId, type: s.spec.other, field: s.field }] : [])),
    ...sets.flatMap((set) => set.targets.map((l) => ({ id: l.targetId, type: l.spec.other, field: l.field }))),
  ]);
  const updated = plan.add({ query: 'node/update-node', params: { id: w.id, version: w.version, props: w.props } });
  plan.check((results) => {
    // The lock in expectNode makes this unreachable; it keeps the version check in the statement meaningful.
    if (!updated(results).length) throw new ValidationError([{ path: 'input.version', message: 'versionen ändrades under skrivningen' }]);
  });
  const replaced = w.singles.map((single) => {
    const removed = plan.add({
      query: single.spec.direction === 'in' ? 'link/unlink-into' : 'link/unlink-from',
      params: { type: single.spec.rel, [single.spec.direction === 'in' ? 'to' : 'from']: w.id },
    });
    if (single.targetId) addLinks(plan, [linkRow(single.spec, w.id, single.targetId)]);
    const otherEnd = single.spec.direction === 'in' ? 'from' : 'to';
    return { single, was: (results: Row[][]) => removed(results).map((row) => row[otherEnd] as string) };
  });
  const setsBefore = sets.map((set) => ({ set, current: replaceLinkSet(plan, w.id, set) }));
  plan.record((results) => ({
    subjects: [
      w.id,
      ...replaced.flatMap(({ single, was }) => [...was(results), ...(single.targetId ? [single.targetId] : [])]),
      ...setsBefore.flatMap(({ set, current }) => [...current(results).map((l) => otherEnd(set.spec, l)), ...set.targets.map((l) => l.targetId)]),
    ],
    versioned: [w.id],
    before: {
      ...before(results),
      ...Object.fromEntries(replaced.map(({ single, was }) => [single.key, was(results)[0] ?? null])),
      ...Object.fromEntries(setsBefore.map(({ set, current }) => [set.key, current(results)])),
    },
    after: {
      ...(nodeOf(updated(results)) as Props),
      ...Object.fromEntries(w.singles.map((s) => [s.key, s.targetId])),
      ...Object.fromEntries(sets.map((set) => [set.key, set.targets.map((l) => linkRow(l.spec, w.id, l.targetId, l.props))])),
    },
  }));
  return nodeOf(updated(await plan.run(w.store))) as T;
}

const otherEnd = (spec: RelationSpec, link: { from: string; to: string }) => (spec.direction === 'in' ? link.from : link.to);

/** The steps that turn a node's current links of one kind into `set.targets`; returns a reader of the links it had. */
function replaceLinkSet(plan: WritePlan, id: string, set: LinkSet): (results: Row[][]) => LinkRow[] {
  const read = plan.add({ query: set.spec.direction === 'in' ? 'link/list-links-into' : 'link/list-links-from', params: { type: set.spec.rel, id } });
  const current = (results: Row[][]) => read(results).map((row) => ({ type: set.spec.rel, from: row.from as string, to: row.to as string, props: row.props as Props }));
  const wanted = new Map(set.targets.map((l) => [l.targetId, l]));
  plan.add((results) => {
    const gone = current(results).filter((link) => !wanted.has(otherEnd(set.spec, link)));
    return gone.length ? { query: 'link/unlink-rows', params: { type: set.spec.rel, rows: gone.map(({ from, to }) => ({ from, to })) } } : null;
  });
  plan.add((results) => {
    const had = new Map(current(results).map((link) => [otherEnd(set.spec, link), link]));
    const rows = set.targets.flatMap((target) => {
      const props = target.props ?? {};
      const old = had.get(target.targetId);
      const changed = !old || Object.entries(props).some(([key, value]) => (old.props[key] ?? null) !== (value ?? null));
      if (!changed) return [];
      const version = set.versioned ? { version: old ? Number(old.props.version ?? 1) + 1 : 1 } : {};
      return [{ ...ends(set.spec, id, target.targetId), props: { ...props, ...version } }];
    });
    return rows.length ? { query: linkStatement(set.spec.rel), params: { rows } } : null;
  });
  return current;
}

/** Deletes a node that is still at `version`, with its relationships; the audit record keeps them. */
export async function deleteNode(w: Write & { id: string; version: number; dependents?: readonly string[] }): Promise<{ id: string }> {
  const plan = new WritePlan(w.operation, w.author);
  const before = plan.expectNode(w.id, w.type, 'input.id', w.version);
  const links = plan.add({ query: 'node/list-node-links', params: { id: w.id } });
  // Nodes that exist only for this one (a collaboration's assessments and rounds) go with it, in the same write.
  const dependents = (w.dependents ?? []).map((query) => plan.add({ query, params: { id: w.id } }));
  plan.record((results) => ({
    subjects: [w.id, ...links(results).map((l) => (l.from === w.id ? l.to : l.from) as string)],
    versioned: [],
    before: { ...before(results), links: links(results), ...(dependents.length ? { removedWithIt: dependents.flatMap((rows) => rows(results)) } : {}) },
    after: null,
  }));
  plan.add({ query: 'node/delete-node', params: { id: w.id, version: w.version } });
  await plan.run(w.store);
  return { id: w.id };
}

/**
 * Links a node to another. Linking twice keeps one relationship and writes
 * nothing; with `exclusive`, an existing link is refused instead (a second
 * membership of the same actor in the same forum is a mistake, not a no-op).
 */
export async function linkNode<T = NodeRow>(w: Write & { id: string; link: LinkTo; exclusive?: string }): Promise<{ node: T; link: LinkRow }> {
  const plan = new WritePlan(w.operation, w.author);
  const node = plan.expectNode(w.id, w.type, 'input.id');
  plan.expectReferences([{ id: w.link.targetId, type: w.link.spec.other, field: w.link.field }]);
  const link = linkRow(w.link.spec, w.id, w.link.targetId, w.link.props);
  const existing = plan.add({ query: 'link/get-link', params: { type: link.type, from: link.from, to: link.to } });
  const exclusive = w.exclusive;
  if (exclusive) {
    plan.check((results) => {
      if (existing(results).length) throw new ValidationError([{ path: w.link.field, message: exclusive }]);
    });
  }
  plan.add((results) => (existing(results).length ? null : { query: linkStatement(w.link.spec.rel), params: { rows: [link] } }));
  plan.record((results) =>
    existing(results).length ? null : { subjects: [w.id, w.link.targetId], versioned: [], before: null, after: link },
  );
  return { node: node(await plan.run(w.store)) as T, link };
}

/** Removes a link; given a version, only if the link is still at it. */
export async function unlinkNode<T = NodeRow>(w: Write & { id: string; link: LinkTo; version?: number }): Promise<{ node: T; link: LinkRow }> {
  const plan = new WritePlan(w.operation, w.author);
  const node = plan.expectNode(w.id, w.type, 'input.id');
  const link = linkRow(w.link.spec, w.id, w.link.targetId);
  const current = plan.expectLink({ type: link.type, from: link.from, to: link.to }, w.link.field, w.version);
  plan.add({ query: 'link/unlink', params: { type: link.type, from: link.from, to: link.to } });
  const before = (results: Row[][]) => ({ ...link, props: current(results)[0]!.props as Props });
  plan.record((results) => ({ subjects: [w.id, w.link.targetId], versioned: [], before: before(results), after: null }));
  const results = await plan.run(w.store);
  return { node: node(results) as T, link: before(results) };
}

/** Sets properties of a link (a membership's role and dates) that is still at `version`. */
export async function updateLink(w: Write & { id: string; link: LinkTo; version: number }): Promise<LinkRow> {
  const plan = new WritePlan(w.operation, w.author);
  plan.expectNode(w.id, w.type, 'input.id');
  const ends = linkRow(w.link.spec, w.id, w.link.targetId);
  const before = plan.expectLink({ type: ends.type, from: ends.from, to: ends.to }, w.link.field, w.version);
  const updated = plan.add({
    query: 'link/update-link',
    params: { type: ends.type, from: ends.from, to: ends.to, version: w.version, props: w.link.props ?? {} },
  });
  plan.record((results) => ({
    subjects: [w.id, w.link.targetId],
    versioned: [],
    before: { ...ends, props: before(results)[0]!.props },
    after: { ...ends, props: updated(results)[0]!.props },
  }));
  const results = await plan.run(w.store);
  return { ...ends, props: updated(results)[0]!.props as Props };
}

/** One link statement per relationship type: the `link/` files take rows. */
export function addLinks(plan: WritePlan, links: LinkRow[]): void {
  for (const [type, rows] of Map.groupBy(links, (link) => link.type)) {
    plan.add({ query: linkStatement(type as RelationSpec['rel']), params: { rows: rows.map(({ from, to, props }) => ({ from, to, props })) } });
  }
}

// Rows are plain records; the caller names the shape its type has.
function nodeOf(rows: Row[]): unknown {
  return rows[0]!.node;
}

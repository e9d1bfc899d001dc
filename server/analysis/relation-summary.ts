import { type ActorKind, type Sector, sectorOf } from '../domain/sectors.ts';
import type { WorkingRelation } from './working-relations.ts';

/**
 * The working relations of a large graph drawn as groups: a national graph
 * has thousands of actors, which no one reads as one picture, but 290
 * municipalities with the strength between them can be read, and one of them
 * opened. Pure: the groups come from the actors and relations alone.
 */
export const GROUP_BY = ['MUNICIPALITY', 'SECTOR', 'KIND'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** What the grouping reads of an actor: its kind, and what it is part of. */
export interface GroupedActor {
  id: string;
  name: string;
  kind: ActorKind;
  parents: readonly string[];
}

export interface ActorGroup {
  /** Never an actor's id: the group of a municipality and the municipality itself are drawn apart. */
  id: string;
  /** The KOMMUN actor's id, the sector or the kind; null for actors of no one municipality. */
  key: string | null;
  /** The municipality's name; null for a sector or kind (the app names codes) and for no municipality. */
  name: string | null;
  /** Its actors' ids, in id order. */
  actors: string[];
  /** Relations between two of its own actors, and their summed strength. */
  relationCount: number;
  strength: number;
}

export interface Grouping {
  groupBy: GroupBy;
  groups: ActorGroup[];
  groupOf: Map<string, string>;
  /** Why each actor is in its group, in Swedish. */
  evidence: Map<string, string>;
}

/** The relations between two drawn nodes, at least one of them a group, summed. */
export interface GroupEdge {
  source: string;
  target: string;
  relationCount: number;
  strength: number;
}

export interface RelationSummary {
  grouping: Grouping;
  /** The groups opened into their actors. */
  expanded: string[];
  edges: GroupEdge[];
  /** Relations between two actors that are both drawn (both in opened groups). */
  relations: WorkingRelation[];
}

export const groupId = (groupBy: GroupBy, key: string | null): string => `group:${groupBy}:${key ?? 'none'}`;

/** Regions and state agencies work above municipalities, however much of their work is in one. */
const ABOVE_MUNICIPALITY = new Set<Sector>(['REGION', 'STAT']);

const EVIDENCE = {
  above: 'Ingen kommun: regionala och statliga aktörer verkar över kommunerna',
  self: 'Kommunen själv',
  partOf: 'Del av kommunen',
  relations: 'Mer än hälften av aktörens samverkan med kommuners aktörer (summerad styrka) är med denna kommuns',
  none: 'Ingen kommun: aktören är inte del av en kommun och ingen kommun har mer än hälften av dess samverkan med kommuners aktörer',
  sector: 'Aktörens sektor',
  kind: 'Aktörens typ',
} as const;

/**
 * Which group each actor is in. By municipality: a KOMMUN actor is its own
 * municipality, an actor part of one (at any depth) is in it; any other actor
 * (an association, a company) is in the municipality whose actors carry more
 * than half of its relation strength with municipalities' actors (its ties to
 * regions and state agencies do not count: they work everywhere), and
 * otherwise in no one municipality; a region or state agency is in none. Only the first two rules
 * place the actors the third one counts, so the order of actors never matters.
 */
export function groupActors(actors: readonly GroupedActor[], relations: readonly WorkingRelation[], groupBy: GroupBy): Grouping {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const groupOf = new Map<string, string>();
  const evidence = new Map<string, string>();
  // Each group by its id, as first placed; and by key, so that an actor's group is found without
  // building and hashing an id for each of the country's actors. Two keys can give one id (null and 'none').
  const groupById = new Map<string, ActorGroup>();
  const groups = new Map<string | null, ActorGroup>();
  const place = (actor: string, key: string | null, name: string | null, why: string) => {
    let group = groups.get(key);
    if (!group) {
      const id = groupId(groupBy, key);
      group = groupById.get(id);
      if (!group) groupById.set(id, (group = { id, key, name, actors: [], relationCount: 0, strength: 0 }));
      groups.set(key, group);
    }
    group.actors.push(actor);
    groupOf.set(actor, group.id);
    evidence.set(actor, why);
  };

  if (groupBy !== 'MUNICIPALITY') {
    for (const a of actors) place(a.id, groupBy === 'SECTOR' ? sectorOf(a.kind) : a.kind, null, groupBy === 'SECTOR' ? EVIDENCE.sector : EVIDENCE.kind);
  } else {
    const municipalityOf = new Map<string, string>();
    const findMunicipality = (id: string): string | undefined => {
      // Most actors are a municipality, part of one directly, or part of nothing: no search for them.
      const actor = byId.get(id);
      if (!actor || actor.kind === 'KOMMUN') return actor?.id;
      if (!actor.parents.length) return undefined;
      if (actor.parents.length === 1 && byId.get(actor.parents[0]!)?.kind === 'KOMMUN') return actor.parents[0];
      const seen = new Set<string>();
      const stack = [id];
      while (stack.length) {
        const next = stack.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        const actor = byId.get(next);
        if (!actor) continue;
        if (actor.kind === 'KOMMUN') return actor.id;
        stack.push(...[...actor.parents].sort());
      }
      return undefined;
    };
    for (const a of actors) {
      const m = findMunicipality(a.id);
      if (m) municipalityOf.set(a.id, m);
    }
    const weight = new Map<string, Map<string, number>>();
    const total = new Map<string, number>();
    const add = (actor: string, other: string, strength: number) => {
      const m = municipalityOf.get(other);
      if (!m || municipalityOf.has(actor)) return;
      total.set(actor, (total.get(actor) ?? 0) + strength);
      let w = weight.get(actor);
      if (!w) weight.set(actor, (w = new Map()));
      w.set(m, (w.get(m) ?? 0) + strength);
    };
    for (const r of relations) {
      add(r.actors[0], r.actors[1], r.strength);
      add(r.actors[1], r.actors[0], r.strength);
    }
    for (const a of actors) {
      const m = municipalityOf.get(a.id);
      if (m) {
        place(a.id, m, byId.get(m)!.name, m === a.id ? EVIDENCE.self : EVIDENCE.partOf);
        continue;
      }
      if (ABOVE_MUNICIPALITY.has(sectorOf(a.kind))) {
        place(a.id, null, null, EVIDENCE.above);
        continue;
      }
      const [best] = [...(weight.get(a.id) ?? [])].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      if (best && best[1] * 2 > (total.get(a.id) ?? 0)) place(a.id, best[0], byId.get(best[0])!.name, EVIDENCE.relations);
      else place(a.id, null, null, EVIDENCE.none);
    }
  }

  for (const r of relations) {
    const g = groupOf.get(r.actors[0]);
    if (g && g === groupOf.get(r.actors[1])) {
      const group = groupById.get(g)!;
      group.relationCount++;
      group.strength += r.strength;
    }
  }
  for (const group of groupById.values()) group.actors.sort();
  const ordered = [...groupById.values()].sort((a, b) => b.actors.length - a.actors.length || (a.id < b.id ? -1 : 1));
  return { groupBy, groups: ordered, groupOf, evidence };
}

/**
 * What is drawn with some groups opened: every actor of an opened group is
 * its own node, every other actor stands in its group, and the relations
 * between nodes are summed per pair (a relation inside a closed group is in
 * the group's own counts). `expand` names groups, or actors whose group opens.
 */
export function summarizeRelations(grouping: Grouping, relations: readonly WorkingRelation[], expand: readonly string[] = []): RelationSummary {
  const known = new Set(grouping.groups.map((g) => g.id));
  const expanded = new Set(expand.map((id) => (known.has(id) ? id : grouping.groupOf.get(id))).filter((id): id is string => id !== undefined));
  const drawnAs = (actor: string): string | undefined => {
    const g = grouping.groupOf.get(actor);
    return g && expanded.has(g) ? actor : g;
  };
  // By source, then target: a key joined from the two for each of the country's relations is garbage and hashing.
  const edgeOf = new Map<string, Map<string, GroupEdge>>();
  // In the order first met, which the sort below keeps for edges it counts as equal.
  const edges: GroupEdge[] = [];
  const between: WorkingRelation[] = [];
  for (const r of relations) {
    const a = drawnAs(r.actors[0]);
    const b = drawnAs(r.actors[1]);
    if (!a || !b || a === b) continue;
    if (a === r.actors[0] && b === r.actors[1]) {
      between.push(r);
      continue;
    }
    const [source, target] = a < b ? [a, b] : [b, a];
    let fromSource = edgeOf.get(source);
    if (!fromSource) edgeOf.set(source, (fromSource = new Map()));
    let edge = fromSource.get(target);
    if (!edge) {
      fromSource.set(target, (edge = { source, target, relationCount: 0, strength: 0 }));
      edges.push(edge);
    }
    edge.relationCount++;
    edge.strength += r.strength;
  }
  const sortedEdges = edges.sort((x, y) => y.strength - x.strength || (x.source + x.target < y.source + y.target ? -1 : 1));
  return { grouping, expanded: grouping.groups.filter((g) => expanded.has(g.id)).map((g) => g.id), edges: sortedEdges, relations: between };
}

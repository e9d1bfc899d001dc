import { SECTORS, type Sector } from '../domain/sectors.ts';
import { type Finding, distinct, list, q } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';
import type { ActivityRow } from './snapshot.ts';
import { workingPartners } from './working-relations.ts';
import { codeUnits, sortRange } from './sort.ts';
import { CONFIRM_MONTHS, confirmationCutoff } from '../domain/confirmation.ts';
import { dayOf } from '../domain/days.ts';

/** What the gap rules need beyond the graph: the taxonomy's verdict per collaboration. */
export interface GapOptions {
  /** Current and target level (1–5) per collaboration, from its assessments; absent = never assessed. */
  placements?: ReadonlyMap<string, { level: number | null; target: number | null }>;
  /** Today, for rules about age; the clock is passed in so the rules stay pure. */
  now?: Date;
}

/** A forum's convenor confirms its data at least this often ("bekräfta"). */

const SECTOR_NAMES: Record<Sector, string> = {
  KOMMUN: 'kommunen', REGION: 'regionen', STAT: 'staten', CIVILSAMHALLE: 'civilsamhället',
  NARINGSLIV: 'näringslivet', AKADEMI: 'akademin', OVRIG: 'övriga',
};

const noScope = { targetAreas: [], areas: [], actors: [] };

/** Effektmål with no activity in any effektkedja. */
export function goalsWithoutActivity(ix: GraphIndex): Finding[] {
  return ix.snapshot.goals
    .filter((g) => !ix.activitiesOfGoal.get(g.node.id)?.length)
    .map((g) => {
      const areas = g.targetAreas.map(ix.name);
      const forums = ix.forumsOfGoal.get(g.node.id) ?? [];
      return {
        rule: 'goal-without-activity',
        title: `Effektmål utan aktivitet: ${g.node.text}`,
        severity: 'HIGH' as const,
        subjects: [g.node.id, ...g.targetAreas],
        evidence: `Effektmålet ${q(g.node.text)}${areas.length ? ` (målområde ${list(areas.map(q))})` : ''} har ingen aktivitet som bidrar till det i någon effektkedja${forums.length ? `; ${forums.length} forum arbetar med det` : ''}.`,
        action: 'Ta fram aktiviteter med ansvar, tid och resurser för effektmålet, eller pröva om målet ska finnas kvar.',
        metrics: { activities: 0, forums: forums.length },
        scope: { targetAreas: g.targetAreas, areas: [], actors: [] },
      };
    });
}

/** The cells of an effektkedja row a rule asks for, in the table's order. */
const CELLS = [
  { key: 'responsible', cell: 'Ansvar', action: 'Utse vem som ansvarar för aktiviteten.', empty: (x: ActivityRow) => x.responsible.length === 0 },
  { key: 'period', cell: 'Tid', action: 'Ange när aktiviteten ska genomföras.', empty: (x: ActivityRow) => !x.node.period },
  { key: 'resources', cell: 'Resurser', action: 'Ange vilka resurser aktiviteten har.', empty: (x: ActivityRow) => !x.node.resources },
].map((c) => ({ ...c, part: Object.freeze({ key: c.key, label: `${c.cell} saknas`, action: c.action }) }));

/**
 * Activities with no ansvar, no Tid or no Resurser: one finding per activity that lists every
 * empty cell as a part, so a row missing all three is one thing to fix, not three. HIGH when no
 * one answers for it, else MEDIUM.
 */
export function activitiesMissingCells(ix: GraphIndex): Finding[] {
  const findings: Finding[] = [];
  for (const x of ix.snapshot.activities) {
    const empty = CELLS.filter((c) => c.empty(x));
    if (empty.length === 0) continue;
    const cells = list(empty.map((c, i) => (i === 0 ? c.cell : c.cell.toLowerCase())));
    findings.push({
      rule: 'activity-empty-cells',
      title: `${cells} saknas: ${x.node.name}`,
      severity: empty.some((c) => c.key === 'responsible') ? 'HIGH' : 'MEDIUM',
      subjects: [x.node.id, ...x.goals],
      evidence: `Aktiviteten ${q(x.node.name)} har ingen uppgift om ${cells.toLowerCase()}${x.goals.length ? `; den ska bidra till ${list(x.goals.map((g) => q(ix.name(g))))}` : ''}.`,
      action: empty.map((c) => c.action).join(' '),
      metrics: { missing: empty.length, responsible: x.responsible.length },
      parts: empty.map((c) => c.part),
      scope: { targetAreas: ix.targetAreasOfActivity.get(x.node.id) ?? [], areas: x.areas, actors: x.responsible },
    });
  }
  return findings;
}

/** Strategies that no activity implements. */
export function strategiesWithoutActivity(ix: GraphIndex): Finding[] {
  const implemented = new Set(ix.snapshot.activities.flatMap((x) => x.strategies));
  return ix.snapshot.strategies
    .filter((s) => !implemented.has(s.node.id))
    .map((s) => ({
      rule: 'strategy-without-activity',
      title: `Strategi utan aktivitet: ${s.node.name}`,
      severity: 'MEDIUM' as const,
      subjects: [s.node.id],
      evidence: `Ingen aktivitet genomför strategin ${q(s.node.name)}.`,
      action: 'Koppla befintliga aktiviteter till strategin eller planera nya.',
      metrics: { activities: 0 },
      scope: { targetAreas: s.targetAreas, areas: [], actors: [] },
    }));
}

/** Collaborations never assessed on the taxonomy, or assessed below the level their purpose needs. */
export function collaborationPlacementGaps(ix: GraphIndex, options: GapOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const c of ix.snapshot.collaborations) {
    const placement = options.placements?.get(c.node.id);
    const scope = { ...noScope, actors: c.participants };
    if (c.assessments.length === 0 && !placement?.level) {
      findings.push({
        rule: 'collaboration-never-assessed',
        title: `Samverkan aldrig skattad: ${c.node.name}`,
        severity: 'MEDIUM',
        subjects: [c.node.id, ...c.participants],
        evidence: `Samverkan ${q(c.node.name)} (${c.participants.length} deltagande ${c.participants.length === 1 ? 'aktör' : 'aktörer'}) har ingen skattning på taxonomin.`,
        action: 'Låt deltagarna skatta samverkan med instrumentet "Arbeta med andra".',
        metrics: { participants: c.participants.length, assessments: 0 },
        scope,
      });
    } else if (placement?.level && placement.target && placement.level < placement.target) {
      findings.push({
        rule: 'collaboration-below-target',
        title: `Samverkan under målnivå: ${c.node.name}`,
        severity: 'HIGH',
        subjects: [c.node.id, ...c.participants],
        evidence: `Samverkan ${q(c.node.name)} är skattad på nivå ${placement.level} men behöver nivå ${placement.target} för sitt syfte.`,
        action: 'Se över vilka skikt (aktiviteter, mål, utgångspunkter) som behöver fördjupas.',
        metrics: { level: placement.level, target: placement.target, gap: placement.target - placement.level },
        scope,
      });
    }
  }
  return findings;
}

/** Actor pairs that serve the same goal but share no forum, activity or collaboration: who should talk but doesn't. */
export function structuralHoles(ix: GraphIndex): Finding[] {
  const working = workingPartners(ix.snapshot.ties);
  // By the pair's first actor, then its second; `pairs` keeps the order they were first found in.
  const pairsOf = new Map<string, Map<string, { actors: [string, string]; goals: string[] }>>();
  const pairs: { actors: [string, string]; goals: string[] }[] = [];
  for (const [goal, actorSet] of ix.actorsOfGoal) {
    if (actorSet.size < 2) continue;
    const actors = sortRange([...actorSet], codeUnits);
    for (let i = 0; i < actors.length; i++) {
      const a = actors[i]!;
      const partners = working.get(a);
      let withA = pairsOf.get(a);
      for (let j = i + 1; j < actors.length; j++) {
        const b = actors[j]!;
        if (partners?.has(b) || ix.related(a, b)) continue;
        if (!withA) pairsOf.set(a, (withA = new Map()));
        let pair = withA.get(b);
        if (!pair) {
          withA.set(b, (pair = { actors: [a, b], goals: [] }));
          pairs.push(pair);
        }
        pair.goals.push(goal);
      }
    }
  }
  return pairs.map(({ actors: [a, b], goals }) => ({
    rule: 'structural-hole',
    title: `Arbetar mot samma mål utan kontakt: ${ix.name(a)} och ${ix.name(b)}`,
    severity: 'MEDIUM' as const,
    subjects: [a, b, ...goals],
    evidence: `${q(ix.name(a))} och ${q(ix.name(b))} arbetar båda mot ${goals.length === 1 ? 'effektmålet' : `${goals.length} effektmål:`} ${list(goals.map((g) => q(ix.name(g))))}, men delar inget forum, ingen aktivitet och ingen samverkan.`,
    action: `Överväg att låta ${ix.name(a)} och ${ix.name(b)} mötas i ett befintligt forum.`,
    metrics: { sharedGoals: goals.length },
    scope: { targetAreas: distinct(goals, (g) => ix.targetAreasOfGoal.get(g)), areas: [], actors: [a, b] },
  }));
}

/** Goals, målområden and områden where the actors that act all come from one sector. */
export function singleSector(ix: GraphIndex): Finding[] {
  const findings: Finding[] = [];
  const check = (rule: Finding['rule'], what: string, id: string, actors: Set<string>, scope: Finding['scope']) => {
    const sector = onlySector(ix, actors);
    if (!sector) return;
    const absent = SECTORS.filter((s) => s !== sector && ['REGION', 'STAT', 'CIVILSAMHALLE'].includes(s)).map((s) => SECTOR_NAMES[s]);
    findings.push({
      rule,
      title: `Bara en sektor: ${ix.name(id)}`,
      severity: 'MEDIUM',
      subjects: [id, ...actors],
      evidence: `I ${what} ${q(ix.name(id))} agerar ${actors.size === 1 ? `bara 1 aktör, från ${SECTOR_NAMES[sector]}` : `${actors.size} aktörer, alla från ${SECTOR_NAMES[sector]}`}; ${list(absent)} saknas.`,
      action: 'Pröva om region, stat eller civilsamhälle borde vara med.',
      metrics: { actors: actors.size, sectors: 1 },
      scope,
    });
  };
  for (const g of ix.snapshot.goals) {
    check('single-sector-goal', 'effektmålet', g.node.id, ix.actorsOfGoal.get(g.node.id) ?? new Set(), { targetAreas: g.targetAreas, areas: [], actors: [] });
  }
  // Actors per målområde and per område, gathered in one pass each.
  const byTargetArea = new Map<string, Set<string>>();
  const byArea = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, actors: Iterable<string>) => {
    const set = map.get(key) ?? map.set(key, new Set()).get(key)!;
    for (const actor of actors) set.add(actor);
  };
  for (const g of ix.snapshot.goals) for (const t of g.targetAreas) add(byTargetArea, t, ix.actorsOfGoal.get(g.node.id) ?? []);
  for (const x of ix.snapshot.activities) for (const a of x.areas) add(byArea, a, x.responsible);
  for (const t of ix.snapshot.targetAreas) {
    check('single-sector-target-area', 'målområdet', t.node.id, byTargetArea.get(t.node.id) ?? new Set(), { targetAreas: [t.node.id], areas: [], actors: [] });
  }
  for (const r of ix.snapshot.areas) {
    check('single-sector-area', 'området', r.node.id, byArea.get(r.node.id) ?? new Set(), { targetAreas: [], areas: [r.node.id], actors: [] });
  }
  return findings;
}

/** The one sector all of the actors with a known sector come from; undefined for none, or more than one. */
function onlySector(ix: GraphIndex, actors: Iterable<string>): Sector | undefined {
  let only: Sector | undefined;
  for (const actor of actors) {
    const sector = ix.sectorOfActor(actor);
    if (sector === undefined || sector === only) continue;
    if (only !== undefined) return undefined;
    only = sector;
  }
  return only;
}

/** Styrdokument that govern nothing in the map. */
export function unlinkedPolicyDocuments(ix: GraphIndex): Finding[] {
  return ix.snapshot.policyDocuments
    .filter((d) => d.governs.length === 0)
    .map((d) => ({
      rule: 'policy-document-unlinked',
      title: `Styrdokument utan koppling: ${d.node.title}`,
      severity: 'LOW' as const,
      subjects: [d.node.id, ...d.owners],
      evidence: `Styrdokumentet ${q(d.node.title)} styr ingen aktivitet, inget forum och inget effektmål i kartan.`,
      action: 'Koppla dokumentet till de aktiviteter, forum eller mål det styr.',
      metrics: { governs: 0 },
      scope: { ...noScope, actors: d.owners },
    }));
}

/** Forums that work on no goal: their purpose is unclear. */
export function forumsWithoutGoal(ix: GraphIndex): Finding[] {
  return ix.snapshot.forums
    .filter((f) => f.goals.length === 0)
    .map((f) => ({
      rule: 'forum-without-goal',
      title: `Forum utan mål: ${f.node.name}`,
      severity: 'MEDIUM' as const,
      subjects: [f.node.id],
      evidence: `Forumet ${q(f.node.name)} (${f.members.length} medlemmar) är inte kopplat till något effektmål; syftet är oklart.`,
      action: 'Ange vilka effektmål forumet arbetar med.',
      metrics: { members: f.members.length, goals: 0 },
      scope: { ...noScope, actors: [...f.members, ...f.convenors] },
    }));
}

/** Forums whose convenor has not confirmed their data in CONFIRM_MONTHS months, or ever. */
export function unconfirmedForums(ix: GraphIndex, now: Date = new Date()): Finding[] {
  const limit = confirmationCutoff(now);
  return ix.snapshot.forums
    .filter((f) => !f.node.confirmedAt || new Date(f.node.confirmedAt) < limit)
    .map((f) => {
      const when = f.node.confirmedAt ? dayOf(f.node.confirmedAt) : undefined;
      const months = when ? Math.floor((now.getTime() - new Date(f.node.confirmedAt!).getTime()) / (30.44 * 86_400_000)) : null;
      return {
        rule: 'forum-unconfirmed',
        title: `Forum ej bekräftat: ${f.node.name}`,
        severity: 'LOW' as const,
        subjects: [f.node.id, ...f.convenors],
        evidence: when
          ? `Forumets uppgifter bekräftades senast ${when}, för ${months} månader sedan; de ska bekräftas minst var ${CONFIRM_MONTHS}:e månad.`
          : `Forumets uppgifter har aldrig bekräftats av sammankallande; de ska bekräftas minst var ${CONFIRM_MONTHS}:e månad.`,
        action: 'Be sammankallande att gå igenom syfte, medlemmar och mål och bekräfta dem.',
        metrics: months === null ? ({} as Record<string, number>) : { monthsSinceConfirmed: months },
        scope: { ...noScope, actors: [...f.members, ...f.convenors] },
      };
    });
}

/** Every gap rule over one snapshot. */
export function findGaps(ix: GraphIndex, options: GapOptions = {}): Finding[] {
  return [
    ...goalsWithoutActivity(ix),
    ...activitiesMissingCells(ix),
    ...strategiesWithoutActivity(ix),
    ...collaborationPlacementGaps(ix, options),
    ...structuralHoles(ix),
    ...singleSector(ix),
    ...unlinkedPolicyDocuments(ix),
    ...forumsWithoutGoal(ix),
    ...unconfirmedForums(ix, options.now),
  ];
}

import { builder } from './builder.ts';
import { type Context, versioned } from './context.ts';
import { CollaborationLevelEnum, CollaborationTypeEnum } from './enums.ts';
import { loadNodes } from './loaders.ts';
import { Collaboration, type CollaborationRow } from './collaboration.ts';
import { TargetArea } from './target-area.ts';
import { Assessment, AssessmentMethodEnum, EarlyWarningSignal, TaxonomyLayerEnum } from './assessment.ts';
import { allRecords, closeDue, driftingOf, standingOf } from './assessment-data.ts';
import { INSTRUMENT, LEVELS, type Level, levelCode, levelName } from '../domain/instrument.ts';
import type { Standing } from '../analysis/taxonomy.ts';
import { swedish } from '../analysis/findings.ts';
import { pushTo } from '../analysis/push-to.ts';
import { asOfArg, dayAsked } from './as-of.ts';

type CollaborationType = NonNullable<CollaborationRow['type']>;

interface Placement {
  collaboration: CollaborationRow;
  standing: Standing;
  driftFlagged: boolean;
  targetAreas: string[];
}

interface Group {
  key: string;
  label: string;
  type: CollaborationType | null;
  targetArea: string | null;
  placements: Placement[];
}

interface Report {
  placements: Placement[];
  demoAssessments: number;
}

const NOT_ASSESSED = 'Ej skattad';

const TYPE_LABELS: Record<CollaborationType, string> = {
  OVER_FORVALTNINGSGRANSER: 'Över förvaltningsgränser',
  MELLAN_PROFESSIONER: 'Mellan professioner',
  MED_NARINGSLIV_OCH_CIVILSAMHALLE: 'Med näringsliv och civilsamhälle',
};

const LevelCount = builder.objectRef<{ level: Level | null; count: number }>('LevelCount').implement({
  description: 'How many collaborations stand at one level; level null is "ej skattad" (never assessed).',
  fields: (t) => ({
    level: t.field({ type: CollaborationLevelEnum, nullable: true, resolve: (c) => c.level }),
    label: t.string({ description: 'In Swedish.', resolve: (c) => (c.level ? levelName(LEVELS.indexOf(c.level) + 1) : NOT_ASSESSED) }),
    count: t.exposeInt('count'),
  }),
});

/** Collaborations per level, every level listed (zero included), "ej skattad" last. */
function levelCounts(placements: readonly Placement[]): { level: Level | null; count: number }[] {
  const count = (level: number | null) => placements.filter((p) => p.standing.level === level).length;
  return [...LEVELS.map((level, i) => ({ level, count: count(i + 1) })), { level: null, count: count(null) }];
}

const TaxonomyPlacement = builder.objectRef<Placement>('TaxonomyPlacement').implement({
  description: 'Where one collaboration stands on the taxonomy, where it should stand, and how it got there.',
  fields: (t) => ({
    collaboration: t.field({ type: Collaboration, resolve: (p) => p.collaboration }),
    level: t.field({
      type: CollaborationLevelEnum,
      nullable: true,
      description: 'The latest assessment\'s level; null = "ej skattad".',
      resolve: (p) => (p.standing.level === null ? null : levelCode(p.standing.level)),
    }),
    column: t.string({ description: 'The column it stands in, in Swedish ("Samverkan", "Ej skattad").', resolve: (p) => (p.standing.level === null ? NOT_ASSESSED : levelName(p.standing.level)) }),
    targetLevel: t.field({
      type: CollaborationLevelEnum,
      nullable: true,
      description: 'The collaboration\'s own targetLevel when set, else the latest assessment\'s target.',
      resolve: (p) => (p.standing.target === null ? null : levelCode(p.standing.target)),
    }),
    trajectory: t.field({ type: [Assessment], description: 'Its assessments, oldest first: the history of levels with dates.', resolve: (p) => p.standing.history }),
    driftFlagged: t.exposeBoolean('driftFlagged', { description: 'A drift rule is met at the latest assessment.' }),
    belowTarget: t.boolean({ resolve: (p) => p.standing.belowTarget }),
    neverAssessed: t.boolean({ resolve: (p) => p.standing.neverAssessed }),
    provisional: t.boolean({ description: 'The latest assessment is provisional.', resolve: (p) => p.standing.latest?.provisional ?? false }),
    method: t.field({ type: AssessmentMethodEnum, nullable: true, description: 'How the latest assessment was made.', resolve: (p) => p.standing.latest?.method ?? null }),
    isDemo: t.boolean({ description: 'The latest assessment is invented example data.', resolve: (p) => p.standing.latest?.isDemo ?? false }),
    evidence: t.string({ description: 'Level and target, and where they come from, in Swedish.', resolve: (p) => p.standing.evidence }),
  }),
});

const TaxonomyGroup = builder.objectRef<Group>('TaxonomyGroup').implement({
  description: 'The collaborations of one collaboration type or one målområde.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The type, the målområde\'s id, or NONE.' }),
    label: t.exposeString('label', { description: 'In Swedish.' }),
    type: t.field({ type: CollaborationTypeEnum, nullable: true, resolve: (g) => g.type }),
    targetArea: t.field({ type: TargetArea, nullable: true, resolve: (g) => g.targetArea }),
    placements: t.field({ type: [TaxonomyPlacement], resolve: (g) => g.placements }),
    levels: t.field({ type: [LevelCount], resolve: (g) => levelCounts(g.placements) }),
  }),
});

function groupBy(placements: readonly Placement[], keysOf: (p: Placement) => (string | null)[]): Map<string | null, Placement[]> {
  const groups = new Map<string | null, Placement[]>();
  for (const p of placements) {
    const keys = keysOf(p);
    for (const key of keys.length ? keys : [null]) pushTo(groups, key, p);
  }
  return groups;
}

const TaxonomyReport = builder.objectRef<Report>('TaxonomyReport').implement({
  description: 'Every collaboration on the taxonomy "Arbeta med andra": placement, target, trajectory, drift.',
  fields: (t) => ({
    collaborations: t.field({ type: [TaxonomyPlacement], description: 'Every collaboration, assessed or not, by name.', resolve: (r) => r.placements }),
    levels: t.field({ type: [LevelCount], description: 'Collaborations per level.', resolve: (r) => levelCounts(r.placements) }),
    byType: t.field({
      type: [TaxonomyGroup],
      description: 'Grouped by collaboration type; those with none last.',
      resolve: (r) =>
        [...groupBy(r.placements, (p) => [p.collaboration.type ?? null])]
          .map(([type, placements]) => ({
            key: type ?? 'NONE',
            label: type ? TYPE_LABELS[type as CollaborationType] : 'Ingen typ angiven',
            type: type as CollaborationType | null,
            targetArea: null,
            placements,
          }))
          .sort((a, b) => Number(a.type === null) - Number(b.type === null) || swedish.compare(a.label, b.label)),
    }),
    byTargetArea: t.field({
      type: [TaxonomyGroup],
      description: 'Grouped by the målområden its activities serve (a collaboration may stand in several); those with none last.',
      resolve: async (r, _args, context) => {
        const groups = groupBy(r.placements, (p) => p.targetAreas);
        const ids = [...groups.keys()].filter((id): id is string => id !== null);
        const names = new Map((await loadNodes<{ id: string; name: string }>(context, ids)).filter(Boolean).map((n) => [n.id, n.name]));
        return [...groups]
          .map(([id, placements]) => ({ key: id ?? 'NONE', label: id ? (names.get(id) ?? id) : 'Inget målområde', type: null, targetArea: id, placements }))
          .sort((a, b) => Number(a.targetArea === null) - Number(b.targetArea === null) || swedish.compare(a.label, b.label));
      },
    }),
    driftCount: t.int({ description: 'Collaborations drifting to the left now.', resolve: (r) => r.placements.filter((p) => p.driftFlagged).length }),
    belowTargetCount: t.int({ resolve: (r) => r.placements.filter((p) => p.standing.belowTarget).length }),
    notAssessedCount: t.int({ resolve: (r) => r.placements.filter((p) => p.standing.neverAssessed).length }),
    demoAssessments: t.exposeInt('demoAssessments', {
      description: 'How many of the assessments behind it are invented example data (npm run demo); 0 on the Borås facts alone.',
    }),
    instrumentVersion: t.int({ resolve: () => INSTRUMENT.version }),
  }),
});

async function taxonomyReport(context: Context, asOf: string): Promise<Report> {
  const rows = await context.store.read<{ node: CollaborationRow; targetAreas: string[] }>('assessment/list-taxonomy-collaborations', { asOf });
  const records = await allRecords(context, rows.map((r) => r.node.id), asOf);
  const placements = await Promise.all(rows.map(async (row) => {
    const collaboration = { ...row.node, asOf };
    const standing = await standingOf(context, collaboration);
    return { collaboration, standing, driftFlagged: await driftingOf(context, collaboration), targetAreas: [...new Set(row.targetAreas)] };
  }));
  return { placements, demoAssessments: records.filter((r) => r.assessment.isDemo === true).length };
}

builder.queryFields((t) => ({
  taxonomy: t.field({
    type: TaxonomyReport,
    args: { asOf: t.arg(asOfArg) },
    resolve: async (_root, args, context) => {
      // Before the kept report is looked up: a round past its closing date changes it.
      await closeDue(context);
      const asOf = dayAsked(args.asOf);
      return versioned(context, `taxonomy:${asOf}`, () => taxonomyReport(context, asOf));
    },
  }),
}));

type InstrumentLayer = (typeof INSTRUMENT.layers)[number];
type InstrumentItem = InstrumentLayer['items'][number];

const InstrumentItemRef = builder.objectRef<InstrumentItem>('InstrumentItem').implement({
  description: 'One item: five statements, scored 1–5.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The answer field in submitAssessment: a1 … c2.' }),
    name: t.exposeString('name'),
    statements: t.exposeStringList('statements', { description: 'Levels 1 to 5, in order.' }),
  }),
});

const InstrumentLayerRef = builder.objectRef<InstrumentLayer>('InstrumentLayer').implement({
  fields: (t) => ({
    layer: t.field({ type: TaxonomyLayerEnum, resolve: (l) => l.key }),
    name: t.exposeString('name'),
    items: t.field({ type: [InstrumentItemRef], resolve: (l) => l.items }),
  }),
});

const InstrumentLevel = builder.objectRef<(typeof INSTRUMENT.levels)[number]>('InstrumentLevel').implement({
  fields: (t) => ({
    level: t.field({ type: CollaborationLevelEnum, resolve: (l) => l.code }),
    value: t.exposeInt('value'),
    name: t.exposeString('name'),
  }),
});

const TaxonomyInstrument = builder.objectRef<typeof INSTRUMENT>('TaxonomyInstrument').implement({
  description: 'The assessment instrument (seed/instrument/), for an assessment form: items, target question, early-warning signals.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    levels: t.field({ type: [InstrumentLevel], resolve: (i) => i.levels }),
    layers: t.field({ type: [InstrumentLayerRef], resolve: (i) => i.layers }),
    targetQuestion: t.exposeString('targetQuestion', { description: 'Asked once per layer.' }),
    signals: t.field({ type: [EarlyWarningSignal], description: 'The codes submitAssessment takes in signals.', resolve: (i) => i.signals }),
  }),
});

builder.queryFields((t) => ({
  taxonomyInstrument: t.field({ type: TaxonomyInstrument, resolve: () => INSTRUMENT }),
}));

import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { CollaborationLevelEnum } from './enums.ts';
import { Actor } from './actor.ts';
import { Collaboration } from './collaboration.ts';
import { standingOf } from './assessment-data.ts';
import { isIdOf } from '../domain/ids.ts';
import { INSTRUMENT, type LayerKey, levelCode, levelValue } from '../domain/instrument.ts';
import { type AssessmentRecord, type LayerGap, type PerceptionGap as Gap, type ScoredAssessment, layerGaps, scoreAssessment } from '../analysis/taxonomy.ts';
import { type Drift as DriftShape, type DriftFinding as FindingShape, driftOf } from '../analysis/drift.ts';

export const TaxonomyLayerEnum = builder.enumType('TaxonomyLayer', {
  description: 'The three layers under the taxonomy: the further right, the deeper the layer the parties share.',
  values: {
    A: { description: 'Aktiviteter/språk' },
    B: { description: 'Mål/strategi/organisation' },
    C: { description: 'Utgångspunkt/grundläggande antaganden' },
  } as const,
});

export const AssessmentMethodEnum = builder.enumType('AssessmentMethod', {
  values: {
    SURVEY: { description: 'Members answered the instrument; scored from their answers.' },
    DIRECT: { description: 'Placed directly by an editor (level and note), with no survey.' },
  } as const,
});

const DriftRuleEnum = builder.enumType('DriftRule', {
  values: {
    LAYER_FALL: { description: 'A layer (or, for a direct placement, the level) fell by at least 1 between consecutive assessments.' },
    REPEATED_FALL: { description: 'A layer fell by at least 0.5 twice in a row.' },
    GAP_WIDENS: { description: 'The gap to target grew by at least 1, ending below target.' },
    DEPTH_LOSS: { description: 'Layer C fell (by at least 0.5) while layer A held.' },
  } as const,
});

const layerName = (layer: LayerKey) => INSTRUMENT.layers.find((l) => l.key === layer)!.name;

export const LayerScore = builder.objectRef<LayerGap>('LayerScore').implement({
  description: 'One layer of the A/B/C profile: the score, the target and the gap between them.',
  fields: (t) => ({
    layer: t.field({ type: TaxonomyLayerEnum, resolve: (l) => l.layer }),
    name: t.string({ description: 'The layer\'s Swedish name.', resolve: (l) => layerName(l.layer) }),
    score: t.float({ description: 'Median over respondents of their mean of the layer\'s items, 1–5.', resolve: (l) => l.actual }),
    target: t.float({ nullable: true, resolve: (l) => l.target }),
    gap: t.float({
      nullable: true,
      description: 'target − score: positive below target, negative when more integrated than the purpose needs.',
      resolve: (l) => l.gap,
    }),
  }),
});

export const EarlyWarningSignal = builder.objectRef<{ code: string; text: string }>('EarlyWarningSignal').implement({
  description: 'An early-warning signal of drift to the left, recorded with an assessment.',
  fields: (t) => ({ code: t.exposeString('code'), text: t.exposeString('text', { description: 'In Swedish.' }) }),
});

const signalOf = (code: string) => INSTRUMENT.signals.find((s) => s.code === code) ?? { code, text: code };

export const PerceptionGap = builder.objectRef<Gap>('PerceptionGap').implement({
  description: 'Two organisations that see one layer of the same collaboration 2 levels or more apart.',
  fields: (t) => ({
    layer: t.field({ type: TaxonomyLayerEnum, resolve: (g) => g.layer }),
    organisations: t.field({ type: [Actor], description: 'The lower median first.', resolve: (g) => g.organisations }),
    medians: t.floatList({ resolve: (g) => g.medians }),
    difference: t.exposeFloat('difference'),
    evidence: t.exposeString('evidence'),
  }),
});

export const Assessment = builder.loadableNodeRef('Assessment', {
  id: { resolve: (a: ScoredAssessment) => a.id },
  load: async (ids: string[], context: Context) => {
    const rows = await context.store.read<AssessmentRecord>('assessment/get-assessments', { ids });
    const byId = new Map(rows.map((row) => [row.assessment.id, scoreAssessment(row)]));
    return ids.map((id) => byId.get(id) ?? (null as unknown as ScoredAssessment));
  },
});

Assessment.implement({
  description: 'Skattning: one dated placement of a collaboration on the taxonomy, from a survey of its members or by an editor.',
  isTypeOf: (value) => isIdOf('Assessment', value),
  fields: (t) => ({
    collaboration: t.field({ type: Collaboration, resolve: (a) => a.collaboration }),
    date: t.exposeString('date', { description: 'YYYY-MM-DD.' }),
    method: t.field({ type: AssessmentMethodEnum, resolve: (a) => a.method }),
    level: t.field({ type: CollaborationLevelEnum, resolve: (a) => levelCode(a.level) }),
    levelValue: t.exposeInt('level', { description: 'The level as 1–5.' }),
    targetLevel: t.field({
      type: CollaborationLevelEnum,
      nullable: true,
      description: 'The rounded mean of the respondents\' layer targets, or the target given with a direct placement.',
      resolve: (a) => (a.targetLevel === null ? null : levelCode(a.targetLevel)),
    }),
    layers: t.field({ type: [LayerScore], description: 'The A/B/C profile; empty for a direct placement.', resolve: (a) => layerGaps(a) }),
    provisional: t.exposeBoolean('provisional', { description: 'Fewer than 3 respondents or only one organisation.' }),
    respondents: t.exposeInt('respondents'),
    organisations: t.exposeInt('organisations'),
    perceptionGaps: t.field({ type: [PerceptionGap], resolve: (a) => a.perceptionGaps }),
    signals: t.field({ type: [EarlyWarningSignal], resolve: (a) => a.signals.map(signalOf) }),
    note: t.exposeString('note', { nullable: true }),
    isDemo: t.exposeBoolean('isDemo', { description: 'Invented example data ("Påhittade exempeldata"), not a Borås fact.' }),
    evidence: t.exposeString('evidence', { description: 'How the level was reached, in Swedish.' }),
  }),
});

type ResolvedFinding = FindingShape & { steps: ScoredAssessment[] };
type ResolvedDrift = Omit<DriftShape, 'findings'> & { findings: ResolvedFinding[] };

const DriftFinding = builder.objectRef<ResolvedFinding>('DriftFinding').implement({
  description: 'One rule of drift to the left that a collaboration\'s history meets, with the assessments and numbers.',
  fields: (t) => ({
    rule: t.field({ type: DriftRuleEnum, resolve: (f) => f.rule }),
    title: t.exposeString('title'),
    layer: t.field({ type: TaxonomyLayerEnum, nullable: true, description: 'Null when it concerns the overall level.', resolve: (f) => f.layer }),
    dates: t.stringList({ resolve: (f) => f.assessments.map((a) => a.date) }),
    assessments: t.field({ type: [Assessment], description: 'Oldest first.', resolve: (f) => f.steps }),
    values: t.floatList({ description: 'The compared numbers, in the order the evidence gives them.', resolve: (f) => f.values }),
    evidence: t.exposeString('evidence'),
    current: t.exposeBoolean('current', { description: 'Ends at the latest assessment.' }),
  }),
});

export const Drift = builder.objectRef<ResolvedDrift>('Drift').implement({
  description: 'Drift to the left ("strömmen åt vänster") over a collaboration\'s assessments.',
  fields: (t) => ({
    flagged: t.exposeBoolean('flagged', { description: 'A rule is met at the latest assessment: drifting now.' }),
    findings: t.field({ type: [DriftFinding], description: 'Every finding over the history, oldest first.', resolve: (d) => d.findings }),
  }),
});

/** The drift of a scored history, with each finding's assessments in hand. */
export function resolvedDrift(history: ScoredAssessment[], fixedTarget: number | null): ResolvedDrift {
  const byId = new Map(history.map((a) => [a.id, a]));
  const drift = driftOf(history, fixedTarget);
  return { ...drift, findings: drift.findings.map((f) => ({ ...f, steps: f.assessments.map((a) => byId.get(a.id)!) })) };
}

builder.objectFields(Collaboration, (t) => ({
  level: t.field({
    type: CollaborationLevelEnum,
    nullable: true,
    description: 'The latest assessment\'s level; null when never assessed ("ej skattad").',
    resolve: async (c, _args, context) => {
      const { level } = await standingOf(context, c);
      return level === null ? null : levelCode(level);
    },
  }),
  layers: t.field({
    type: [LayerScore],
    description: 'The A/B/C profile of the latest survey (a direct placement has none), against its respondents\' targets.',
    resolve: async (c, _args, context) => {
      const { latestSurvey } = await standingOf(context, c);
      return latestSurvey ? layerGaps(latestSurvey) : [];
    },
  }),
  assessments: t.field({
    type: [Assessment],
    description: 'Oldest first.',
    resolve: async (c, _args, context) => (await standingOf(context, c)).history,
  }),
  drift: t.field({
    type: Drift,
    nullable: true,
    description: 'Null when never assessed.',
    resolve: async (c, _args, context) => {
      const { history } = await standingOf(context, c);
      return history.length ? resolvedDrift(history, c.targetLevel ? levelValue(c.targetLevel) : null) : null;
    },
  }),
  gaps: t.field({
    type: [LayerScore],
    description: 'Per layer of the latest survey: target − score, against targetLevel when it is set, else the respondents\' targets.',
    resolve: async (c, _args, context) => (await standingOf(context, c)).gaps,
  }),
  perceptionGaps: t.field({
    type: [PerceptionGap],
    description: 'In the latest survey.',
    resolve: async (c, _args, context) => (await standingOf(context, c)).latestSurvey?.perceptionGaps ?? [],
  }),
}));

import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { builder } from './builder.ts';
import { memoized, type Context, requestVersion, versioned } from './context.ts';
import { closeDue } from './assessment-data.ts';
import { loadNodes } from './loaders.ts';
import { type Finding as FindingShape, type FindingFilter as FilterShape, readGapOptions } from '../analysis/index.ts';
import { filterFindings, SEVERITIES, type Severity } from '../analysis/findings.ts';
import { findGaps } from '../analysis/gaps.ts';
import { findOverlaps, type OverlapOptions } from '../analysis/overlaps.ts';
import { buildIndex, type GraphIndex } from '../analysis/graph-index.ts';
import type { GraphSnapshot } from '../analysis/snapshot.ts';
import { DEFAULT_OVERLAP_OPTIONS } from '../analysis/overlaps.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { FINDING_RULES, RULE_IDS, type RuleInfo, ruleInfo } from '../analysis/rules.ts';

/** The largest page of findings one request may ask for; the whole list has no such limit. */
const MAX_FINDINGS_PAGE = 10_000;

function badInput(field: string, reason: string): GraphQLError {
  return new GraphQLError(`${field}: ${reason}`, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** A finding's id: its rule and its subjects, hashed, so the same finding has the same id on any day. */
export function findingId(f: Pick<FindingShape, 'rule' | 'subjects'>): string {
  return `${f.rule}:${createHash('sha1').update(f.subjects.join('|')).digest('hex').slice(0, 12)}`;
}

interface ResolvedFinding extends FindingShape {
  index: GraphIndex;
}

const SeverityEnum = builder.enumType('Severity', { values: SEVERITIES });

const Metric = builder.objectRef<{ name: string; value: number }>('Metric').implement({
  description: 'One number behind a finding.',
  fields: (t) => ({ name: t.exposeString('name'), value: t.exposeFloat('value') }),
});

const ReportEnum = builder.enumType('FindingReport', {
  description: 'Which report a rule belongs to: gaps (luckor) or overlaps (överlapp).',
  values: ['GAP', 'OVERLAP'] as const,
});

const FindingRule = builder.objectRef<RuleInfo & { id: string }>('FindingRule').implement({
  description: 'A gap or overlap rule: its id (as in `rule` and the filters), Swedish name and a one-line account of how it decides.',
  fields: (t) => ({
    id: t.exposeString('id'),
    label: t.exposeString('label'),
    explanation: t.exposeString('explanation'),
    report: t.field({ type: ReportEnum, resolve: (r) => r.report }),
  }),
});

const FindingPart = builder.objectRef<{ key: string; label: string; action: string }>('FindingPart').implement({
  description: 'One item of a grouped finding, e.g. one empty cell of an activity.',
  fields: (t) => ({ key: t.exposeString('key'), label: t.exposeString('label'), action: t.exposeString('action') }),
});

export const Finding = builder.objectRef<ResolvedFinding>('Finding').implement({
  description: 'A gap or overlap: which rule, which nodes, and the numbers, so a person can check it and act.',
  fields: (t) => ({
    id: t.id({
      description: 'Stable while the finding holds: the rule and its subjects, hashed.',
      resolve: findingId,
    }),
    rule: t.exposeString('rule'),
    title: t.exposeString('title'),
    severity: t.field({ type: SeverityEnum, resolve: (f) => f.severity }),
    subjects: t.field({
      type: [builder.nodeInterfaceRef()],
      description: 'The nodes it concerns, most important first.',
      // Loaded only when asked for: the analysis reads just the properties its rules need.
      resolve: async (f, _args, context) => {
        const nodes = await subjectLoader(context).loadMany(f.subjects);
        return nodes.filter((n) => n && !(n instanceof Error)) as never;
      },
    }),
    subjectIds: t.idList({ resolve: (f) => f.subjects }),
    evidence: t.exposeString('evidence'),
    action: t.string({ nullable: true, description: 'A suggested action, in Swedish.', resolve: (f) => f.action }),
    metrics: t.field({ type: [Metric], resolve: (f) => Object.entries(f.metrics).map(([name, value]) => ({ name, value })) }),
    parts: t.field({
      type: [FindingPart],
      description: 'The items a grouped finding holds (an activity\'s empty cells), each with what to do; empty for a finding of one item.',
      resolve: (f) => f.parts ?? [],
    }),
    ruleInfo: t.field({ type: FindingRule, description: 'The rule\'s Swedish name and how it decides.', resolve: (f) => ({ id: f.rule, ...FINDING_RULES[f.rule] }) }),
  }),
});

const RuleCount = builder.objectRef<{ rule: string; count: number }>('RuleCount').implement({
  description: 'How many findings one rule gave, with its Swedish name and how it decides.',
  fields: (t) => ({
    rule: t.exposeString('rule'),
    label: t.string({ resolve: (c) => ruleInfo(c.rule)?.label ?? c.rule }),
    explanation: t.string({ resolve: (c) => ruleInfo(c.rule)?.explanation ?? '' }),
    count: t.exposeInt('count'),
  }),
});

const SeverityCount = builder.objectRef<{ severity: Severity; count: number }>('SeverityCount').implement({
  fields: (t) => ({ severity: t.field({ type: SeverityEnum, resolve: (c) => c.severity }), count: t.exposeInt('count') }),
});

const reportFields = (name: string, description: string) =>
  builder.objectRef<ResolvedFinding[]>(name).implement({
    description,
    fields: (t) => ({
      findings: t.field({
        type: [Finding],
        description: 'The findings, most severe first; `offset` and `first` take one page of them.',
        args: {
          offset: t.arg.int({ required: false, description: 'How many to skip (default 0).' }),
          first: t.arg.int({ required: false, description: `How many to return (default all, at most ${MAX_FINDINGS_PAGE}).` }),
        },
        resolve: (findings, args) => {
          const offset = args.offset ?? 0;
          if (offset < 0) throw badInput('offset', `must be 0 or more, was ${offset}`);
          if (args.first != null && (args.first < 0 || args.first > MAX_FINDINGS_PAGE)) {
            throw badInput('first', `must be from 0 to ${MAX_FINDINGS_PAGE}, was ${args.first}`);
          }
          return findings.slice(offset, args.first == null ? undefined : offset + args.first);
        },
      }),
      totalCount: t.int({ resolve: (findings) => findings.length }),
      byRule: t.field({
        type: [RuleCount],
        description: 'How many findings each rule gave.',
        resolve: (findings) => {
          const counts = new Map<string, number>();
          for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
          return [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => a.rule.localeCompare(b.rule));
        },
      }),
      bySeverity: t.field({
        type: [SeverityCount],
        description: 'How many findings of each severity, most severe first.',
        resolve: (findings) =>
          SEVERITIES.map((severity) => ({ severity, count: findings.filter((f) => f.severity === severity).length })),
      }),
    }),
  });

const GapReport = reportFields('GapReport', 'Luckor: what is missing in the collaboration landscape.');
const OverlapReport = reportFields('OverlapReport', 'Överlapp: where work may be done twice.');

const FindingFilter = builder.inputType('FindingFilter', {
  fields: (t) => ({
    targetArea: t.id({ required: false, description: 'Findings in this målområde.' }),
    area: t.id({ required: false, description: 'Findings in this område.' }),
    actor: t.id({ required: false, description: 'Findings that concern this actor.' }),
    rules: t.stringList({ required: false }),
    severities: t.field({ type: [SeverityEnum], required: false }),
    text: t.string({ required: false, description: 'Matches title or evidence, ignoring case.' }),
  }),
});

type FilterInput = (FilterShape & { text?: string | null }) | null | undefined;

/** One batched node loader per request, shared by every finding's subjects. */
function subjectLoader(context: Context): DataLoader<string, { id: string } | null> {
  const key = 'subjectLoader';
  let loader = context.memo.get(key) as DataLoader<string, { id: string } | null> | undefined;
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => loadNodes<{ id: string }>(context, ids));
    context.memo.set(key, loader);
  }
  return loader;
}

/** The graph as of `asOf` (ÅÅÅÅ-MM-DD) as the rules read it: once per version and day asked for. */
export function withSnapshot(context: Context, asOf: string): Promise<GraphSnapshot> {
  return versioned(context, `analysisSnapshot:${asOf}`, async () => context.snapshots.read(context.store, asOf, await requestVersion(context)));
}

/** The same, indexed for the gap and overlap rules. */
export function withIndex(context: Context, asOf: string): Promise<GraphIndex> {
  return versioned(context, `analysisIndex:${asOf}`, async () => buildIndex(await withSnapshot(context, asOf)));
}

/** Every gap as of `asOf`: the rules run once per version and day; each request only filters. */
export async function gapsAsOf(context: Context, asOf: string): Promise<FindingShape[]> {
  const index = await withIndex(context, asOf);
  return versioned(context, `gaps:${asOf}`, async () => findGaps(index, await gapOptionsAsOf(context, asOf)));
}

/** The gap rules' taxonomy input as of `asOf`: each collaboration's level then. */
export async function gapOptionsAsOf(context: Context, asOf: string) {
  const index = await withIndex(context, asOf);
  return versioned(context, `gapOptions:${asOf}`, () => readGapOptions(context.store, index, asOf));
}

/** Every overlap as of `asOf`, for the options given. */
export async function overlapsAsOf(context: Context, asOf: string, options: OverlapOptions = {}): Promise<FindingShape[]> {
  const index = await withIndex(context, asOf);
  return versioned(context, `overlaps:${asOf}:${JSON.stringify(options)}`, async () => findOverlaps(index, options));
}

function applyText(findings: FindingShape[], index: GraphIndex, text: string | null | undefined): ResolvedFinding[] {
  const needle = text?.trim().toLowerCase();
  return findings
    .filter((f) => !needle || f.title.toLowerCase().includes(needle) || f.evidence.toLowerCase().includes(needle))
    .map((f) => ({ ...f, index }));
}

builder.queryFields((t) => ({
  findingRules: t.field({
    type: [FindingRule],
    description: 'Every gap and overlap rule, gaps first: what to name them by and how each decides.',
    resolve: () => RULE_IDS.map((id) => ({ id, ...FINDING_RULES[id] })),
  }),
  gaps: t.field({
    type: GapReport,
    description: 'Luckor: goals nobody works on, empty cells, unassessed collaborations, structural holes, one-sector areas.',
    args: { filter: t.arg({ type: FindingFilter, required: false }), asOf: t.arg(asOfArg) },
    resolve: async (_root, args, context) => {
      // Aliases of the same report share one run of the rules within a request.
      const filter = args.filter as FilterInput;
      // A round past its closing date becomes an assessment first: the gap rules read the taxonomy.
      await closeDue(context);
      const asOf = dayAsked(args.asOf);
      const index = await withIndex(context, asOf);
      const all = await gapsAsOf(context, asOf);
      return applyText(filterFindings(all, filter ?? {}), index, filter?.text);
    },
  }),
  overlaps: t.field({
    type: OverlapReport,
    description: 'Överlapp: merge candidates among forums, duplicate activities, meeting load, uncoordinated work.',
    args: {
      filter: t.arg({ type: FindingFilter, required: false }),
      asOf: t.arg(asOfArg),
      memberOverlap: t.arg.float({
        required: false,
        description: `Member Jaccard (0–1) from which two forums are merge candidates (with a shared goal, or at least two shared members); default ${DEFAULT_OVERLAP_OPTIONS.memberOverlap}.`,
      }),
      meetingLoad: t.arg.int({
        required: false,
        description: `Forums on one goal that make a meeting load for one actor; default ${DEFAULT_OVERLAP_OPTIONS.meetingLoad}.`,
      }),
    },
    resolve: async (_root, args, context) => {
      if (args.memberOverlap != null && (args.memberOverlap <= 0 || args.memberOverlap > 1)) {
        throw badInput('memberOverlap', `must be greater than 0 and at most 1, was ${args.memberOverlap}`);
      }
      if (args.meetingLoad != null && args.meetingLoad < 2) {
        throw badInput('meetingLoad', `must be at least 2, was ${args.meetingLoad}`);
      }
      const filter = args.filter as FilterInput;
      // A round past its closing date becomes an assessment first: the gap rules read the taxonomy.
      await closeDue(context);
      const asOf = dayAsked(args.asOf);
      const index = await withIndex(context, asOf);
      const options = { memberOverlap: args.memberOverlap ?? undefined, meetingLoad: args.meetingLoad ?? undefined };
      const all = await overlapsAsOf(context, asOf, options);
      return applyText(filterFindings(all, filter ?? {}), index, filter?.text);
    },
  }),
}));

import { z } from 'zod';
import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { CollaborationLevelEnum } from './enums.ts';
import { authorOf, editing } from './mutations.ts';
import { Assessment } from './assessment.ts';
import { newId } from '../domain/ids.ts';
import { INSTRUMENT, type Level, levelValue } from '../domain/instrument.ts';
import { type NewAssessment, assessmentStatements, wroteWhole } from '../domain/assessment-writes.ts';
import { type AssessmentRecord, scoreAssessment } from '../analysis/taxonomy.ts';
import { WritePlan } from '../write/plan.ts';
import { Refusal, ValidationError } from '../write/refusals.ts';
import { isoDate, optionalText, requiredText } from '../write/rules.ts';
import { today } from '../domain/days.ts';

/*
 * submitAssessment and placeCollaboration: each one transaction that checks
 * the collaboration and every organisation, writes the assessment, and records
 * the write in the audit trail; bad input comes back as a ValidationError whose
 * field errors name the field (input.responses.0.a1) and the reason in Swedish.
 */

const score = z.number().int('måste vara ett heltal').min(1, 'måste vara från 1 till 5').max(5, 'måste vara från 1 till 5');
const optionalScore = score.nullish();

/** Assessments are of what has happened: dated today in Borås at the latest, so today's map shows them. */
const pastDate = isoDate.refine((value) => value <= today(), 'får inte ligga i framtiden');

const signalCodes = INSTRUMENT.signals.map((s) => s.code);
const signals = z
  .array(z.string().refine((code) => signalCodes.includes(code), `okänd signal; välj bland ${signalCodes.join(', ')}`))
  .nullish();

const AssessmentResponseInput = builder.inputType('AssessmentResponseInput', {
  description: 'One respondent\'s answers: each item 1–5 (taxonomyInstrument gives the statements), and the target per layer.',
  fields: (t) => ({
    respondent: t.string({ required: true, validate: requiredText(200), description: 'A name or pseudonym; unique within the assessment.' }),
    organisationId: t.id({ required: true, description: 'The actor the respondent answers for.' }),
    a1: t.int({ required: true, validate: score }),
    a2: t.int({ required: true, validate: score }),
    b1: t.int({ required: true, validate: score }),
    b2: t.int({ required: true, validate: score }),
    c1: t.int({ required: true, validate: score }),
    c2: t.int({ required: true, validate: score }),
    targetA: t.int({ required: false, validate: optionalScore, description: 'The level layer A needs in 12 months (the target question).' }),
    targetB: t.int({ required: false, validate: optionalScore }),
    targetC: t.int({ required: false, validate: optionalScore }),
  }),
});

const SubmitAssessmentInput = builder.inputType('SubmitAssessmentInput', {
  fields: (t) => ({
    collaborationId: t.id({ required: true }),
    date: t.string({ required: true, validate: pastDate, description: 'When it was answered, ÅÅÅÅ-MM-DD.' }),
    responses: t.field({
      type: [AssessmentResponseInput],
      required: true,
      validate: z
        .array(z.looseObject({ respondent: z.string() }))
        .min(1, 'minst en svarande behövs')
        .superRefine((responses, ctx) => {
          const seen = new Set<string>();
          responses.forEach((r, index) => {
            const key = r.respondent.trim().toLowerCase();
            if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index, 'respondent'], message: `${r.respondent} har redan svarat i den här skattningen` });
            seen.add(key);
          });
        }),
    }),
    signals: t.stringList({ required: false, validate: signals, description: 'Early-warning signals seen (taxonomyInstrument.signals codes).' }),
    note: t.string({ required: false, validate: optionalText() }),
  }),
});

const PlaceCollaborationInput = builder.inputType('PlaceCollaborationInput', {
  description: 'An editor\'s direct placement, when no survey exists; marked as such (method DIRECT).',
  fields: (t) => ({
    collaborationId: t.id({ required: true }),
    date: t.string({ required: true, validate: pastDate, description: 'ÅÅÅÅ-MM-DD.' }),
    level: t.field({ type: CollaborationLevelEnum, required: true }),
    note: t.string({ required: true, validate: requiredText(4000), description: 'Why this level: the placement\'s grounds.' }),
    targetLevel: t.field({ type: CollaborationLevelEnum, required: false, description: 'The level its purpose needs, if the editor knows it.' }),
    signals: t.stringList({ required: false, validate: signals }),
  }),
});

/** Writes one assessment with its audit record, then reads it back scored. */
async function writeAssessment(context: Context, operation: string, a: NewAssessment) {
  const plan = new WritePlan(operation, authorOf(context));
  plan.expectNode(a.collaboration, 'Collaboration', 'input.collaborationId');
  plan.expectReferences(a.responses.map((r, index) => ({ id: r.organisation, type: 'Actor', field: `input.responses.${index}.organisationId` })));
  // Answers come from the collaboration's own members (TAXONOMY.md): an outsider would skew the
  // two-organisation rule and the perception gaps.
  const participants = plan.add({ query: 'collaboration/list-collaboration-participants', params: { ids: [a.collaboration], asOf: null } });
  plan.check((results) => {
    const members = new Set(participants(results).map((row) => (row.node as { id: string }).id));
    const outsiders = a.responses.flatMap((r, index) => (members.has(r.organisation) ? [] : [{
      path: `input.responses.${index}.organisationId`,
      message: `${r.organisation} deltar inte i samverkan: lägg först till organisationen som deltagare`,
    }]));
    if (outsiders.length) throw new ValidationError(outsiders);
  });
  const [create, answers] = assessmentStatements(a);
  const created = plan.add(create!);
  const answered = answers ? plan.add(answers) : () => [];
  plan.check((results) => {
    // The checks above passed, so only a concurrent delete can get here.
    if (!wroteWhole(a, created(results), answered(results))) throw new Refusal('Samverkan eller en organisation togs bort under tiden: försök igen', 'CONFLICT');
  });
  plan.record((results) => ({
    subjects: [a.id, a.collaboration, ...a.responses.map((r) => r.organisation)],
    versioned: [a.id],
    before: null,
    after: { ...(created(results)[0]!.node as object), responses: a.responses },
  }));
  await plan.run(context.store);
  const [row] = await context.store.read<AssessmentRecord>('assessment/get-assessments', { ids: [a.id] });
  return scoreAssessment(row!);
}

function common(context: Context, input: { collaborationId: string; date: string; signals?: readonly string[] | null }) {
  return {
    id: newId('Assessment'),
    collaboration: input.collaborationId,
    date: input.date,
    signals: [...(input.signals ?? [])],
    isDemo: false,
    recordedAt: new Date().toISOString(),
    recordedBy: context.viewer.name ?? context.viewer.id,
  };
}

builder.mutationFields((t) => ({
  submitAssessment: t.field({
    ...editing('submitAssessment', 'assessment'),
    type: Assessment,
    description: 'Stores a survey of a collaboration\'s members on the taxonomy instrument, and returns it scored.',
    args: { input: t.arg({ type: SubmitAssessmentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      writeAssessment(context, 'submitAssessment', {
        ...common(context, input),
        method: 'SURVEY',
        note: input.note ?? null,
        responses: input.responses.map((r) => ({
          respondent: r.respondent,
          organisation: r.organisationId,
          answers: { a1: r.a1, a2: r.a2, b1: r.b1, b2: r.b2, c1: r.c1, c2: r.c2 },
          targets: { A: r.targetA ?? null, B: r.targetB ?? null, C: r.targetC ?? null },
        })),
      }),
  }),
  placeCollaboration: t.field({
    ...editing('placeCollaboration', 'assessment'),
    type: Assessment,
    description: 'Places a collaboration on the taxonomy directly (level and note), with no survey; marked as a direct placement.',
    args: { input: t.arg({ type: PlaceCollaborationInput, required: true }) },
    resolve: (_root, { input }, context) =>
      writeAssessment(context, 'placeCollaboration', {
        ...common(context, input),
        method: 'DIRECT',
        responses: [],
        level: levelValue(input.level as Level),
        targetLevel: input.targetLevel ? levelValue(input.targetLevel as Level) : null,
        note: input.note,
      }),
  }),
}));

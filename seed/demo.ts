import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { GraphStore, Row, WriteStep } from '../server/store/port.ts';
import { type NewAssessment, assessmentStatements, wroteWhole } from '../server/domain/assessment-writes.ts';
import { INSTRUMENT, LEVELS, levelValue } from '../server/domain/instrument.ts';

/**
 * `npm run demo`: invented example assessments of the seeded collaborations,
 * so the taxonomy view has something to show. They are never Borås facts:
 * every node is marked isDemo with the note "Påhittade exempeldata", they live
 * apart from seed/data, and loading replaces the previous demo set (so loading
 * twice gives the same graph). `npm run demo -- --remove` takes them out.
 */

export const DEMO_FILE = new URL('./demo/assessments.json', import.meta.url);
export const DEMO_NOTE = 'Påhittade exempeldata';

const score = z.number().int().min(1).max(5);
const signals = z.array(z.enum(INSTRUMENT.signals.map((s) => s.code) as [string, ...string[]])).default([]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const demoSchema = z.object({
  note: z.literal(DEMO_NOTE),
  about: z.string(),
  collaborations: z.array(z.object({
    collaboration: z.string().startsWith('collaboration:'),
    story: z.string(),
    targetLevel: z.enum(LEVELS),
    assessments: z.array(z.union([
      z.object({
        date,
        signals,
        responses: z.array(z.object({ organisation: z.string().startsWith('actor:'), answers: z.array(score).length(6) })).min(1),
      }),
      z.object({ date, signals, level: z.enum(LEVELS), note: z.string().min(1) }),
    ])).min(1),
  })),
});

export type DemoData = z.infer<typeof demoSchema>;

export function readDemoData(file: URL = DEMO_FILE): DemoData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${fileURLToPath(file)}: kan inte läsas som JSON (${(error as Error).message})`);
  }
  const parsed = demoSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${fileURLToPath(file)}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The demo set as assessments to write; ids derive from collaboration and date, so they are the same on every load. */
export function demoAssessments(data: DemoData): NewAssessment[] {
  return data.collaborations.flatMap((c) => {
    const target = levelValue(c.targetLevel);
    const slug = c.collaboration.slice('collaboration:'.length);
    return c.assessments.map((a): NewAssessment => {
      const common = {
        id: `assessment:demo-${slug}-${a.date}`,
        collaboration: c.collaboration,
        date: a.date,
        signals: a.signals,
        isDemo: true,
        recordedAt: `${a.date}T12:00:00.000Z`,
        recordedBy: null,
      };
      if ('level' in a) {
        return { ...common, method: 'DIRECT', responses: [], level: levelValue(a.level), targetLevel: target, note: `${DEMO_NOTE}. ${a.note}` };
      }
      return {
        ...common,
        method: 'SURVEY',
        note: DEMO_NOTE,
        responses: a.responses.map((r, i) => {
          const [a1, a2, b1, b2, c1, c2] = r.answers as [number, number, number, number, number, number];
          return { respondent: `Exempelperson ${i + 1}`, organisation: r.organisation, answers: { a1, a2, b1, b2, c1, c2 }, targets: { A: target, B: target, C: target } };
        }),
      };
    });
  });
}

const REMOVE: WriteStep[] = [{ query: 'assessment/delete-demo-responses' }, { query: 'assessment/delete-demo-assessments' }];

/** Replaces the demo set in one transaction; refuses, writing nothing, when a collaboration or actor it names is not in the store. */
export async function loadDemo(store: GraphStore, data: DemoData = readDemoData()): Promise<number> {
  const assessments = demoAssessments(data);
  const steps: WriteStep[] = [...REMOVE];
  for (const a of assessments) {
    const statements = assessmentStatements(a);
    const first = steps.length;
    steps.push(...statements, (results: Row[][]) => {
      if (!wroteWhole(a, results[first]!, results[first + 1])) {
        throw new Error(`${a.id}: ${a.collaboration} or one of its respondents' organisations is not in the store; load the Borås data first (npm run seed)`);
      }
      return null;
    });
  }
  await store.write(steps);
  return assessments.length;
}

/** Takes every demo assessment and its answers out; the Borås facts are untouched. */
export async function removeDemo(store: GraphStore): Promise<number> {
  const [, removed] = await store.write(REMOVE);
  return Number(removed?.[0]?.count ?? 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadConfig } = await import('../server/config.ts');
  const { openStore } = await import('../server/store/index.ts');
  const store = await openStore(loadConfig());
  try {
    if (process.argv.includes('--remove')) {
      console.log(`${await removeDemo(store)} påhittade skattningar borttagna (${store.engine}).`);
    } else {
      console.log(`${await loadDemo(store)} påhittade skattningar inlästa (${store.engine}), märkta "${DEMO_NOTE}". Ta bort dem med npm run demo -- --remove.`);
    }
  } finally {
    await store.close();
  }
}

import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The assessment instrument of TAXONOMY.md, read from data so the city can
 * revise its wording without a code change. The structure (levels, layers A–C,
 * item ids) is what stored answers and the GraphQL input are keyed by, so a
 * file that changes it is refused at start rather than misread.
 */
export const INSTRUMENT_FILE = new URL('../../seed/instrument/taxonomy-v1.json', import.meta.url);

export const LEVELS = ['SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT'] as const;
export type Level = (typeof LEVELS)[number];

export const LAYER_KEYS = ['A', 'B', 'C'] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export const ITEM_IDS = { A: ['a1', 'a2'], B: ['b1', 'b2'], C: ['c1', 'c2'] } as const;
export type ItemId = (typeof ITEM_IDS)[LayerKey][number];

const text = z.string().trim().min(1);

const instrumentSchema = z.object({
  version: z.number().int().positive(),
  name: text,
  description: text,
  levels: z
    .array(z.object({ value: z.number().int(), code: z.enum(LEVELS), name: text }))
    .refine((levels) => levels.every((l, i) => l.value === i + 1 && l.code === LEVELS[i]), 'must be the five levels 1–5 in order'),
  layers: z
    .array(
      z.object({
        key: z.enum(LAYER_KEYS),
        name: text,
        items: z.array(z.object({ id: text, name: text, statements: z.array(text).length(5) })),
      }),
    )
    .refine(
      (layers) =>
        layers.length === LAYER_KEYS.length &&
        layers.every((l, i) => l.key === LAYER_KEYS[i] && l.items.map((item) => item.id).join() === ITEM_IDS[l.key].join()),
      `must be the layers ${LAYER_KEYS.join(', ')} with the items ${Object.values(ITEM_IDS).flat().join(', ')}`,
    ),
  targetQuestion: text,
  signals: z.array(z.object({ code: z.string().regex(/^[A-Z_]+$/), text })).min(1),
});

export type Instrument = z.infer<typeof instrumentSchema>;

/** Reads and checks an instrument file; an error names the file and the field. */
export function readInstrument(file: URL = INSTRUMENT_FILE): Instrument {
  const parsed = instrumentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file.pathname}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data;
}

export const INSTRUMENT: Instrument = readInstrument();

/** 1 → SPECIFICERAT … 5 → SAMMANSMALT. */
export function levelCode(value: number): Level {
  const code = LEVELS[value - 1];
  if (!code) throw new RangeError(`level ${value} is outside 1–5`);
  return code;
}

export function levelValue(code: Level): number {
  return LEVELS.indexOf(code) + 1;
}

/** The Swedish name of a level ("Samverkan"). */
export function levelName(value: number): string {
  return INSTRUMENT.levels[value - 1]?.name ?? String(value);
}

/** "A (Aktiviteter/språk)". */
export function layerLabel(key: LayerKey): string {
  return `${key} (${INSTRUMENT.layers.find((l) => l.key === key)!.name})`;
}

import { builder } from './builder.ts';
import { SOURCE_BASES, type SourceBasis } from '../domain/vocabulary.ts';
import { SourceBasisEnum } from './enums.ts';
import { keyOf, neighbours } from './loaders.ts';

/**
 * What a seeded record or link rests on: the document (and section), the quote,
 * and whether the quote says it or it is read into it; `proposed` marks a
 * political alternative proposal.
 */
export interface SourceShape {
  document: string;
  section: string | null;
  quote: string | null;
  basis: SourceBasis | null;
  note: string | null;
  proposed: boolean;
}

export const Source = builder.objectRef<SourceShape>('Source').implement({
  description: 'Källa: the seed document, and section, a record or link was taken from, with the quote it rests on.',
  fields: (t) => ({
    document: t.exposeString('document', { description: 'The document\'s title.' }),
    section: t.exposeString('section', { nullable: true }),
    quote: t.exposeString('quote', {
      nullable: true,
      description: 'The cell or sentence, verbatim as the document\'s text prints it (OCR errors included).',
    }),
    basis: t.field({ type: SourceBasisEnum, nullable: true, resolve: (s) => s.basis }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'How an INFERRED fact is read from the quote; on a STATED one, a reading aid (an abbreviation written out, a spelling restored).',
    }),
    proposed: t.exposeBoolean('proposed', {
      description: 'True when only a political alternative proposal states it (not adopted).',
    }),
  }),
});

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The `source` of a stored record or relationship, from its flattened
 * properties (Neo4j stores no maps); the seed loader writes both alike.
 */
export function sourceOf(row: { sourceDocument?: unknown; sourceSection?: unknown; sourceQuote?: unknown; sourceBasis?: unknown; sourceNote?: unknown; status?: unknown } | undefined): SourceShape | null {
  if (typeof row?.sourceDocument !== 'string') return null;
  return {
    document: row.sourceDocument,
    section: text(row.sourceSection),
    quote: text(row.sourceQuote),
    basis: (SOURCE_BASES as readonly unknown[]).includes(row.sourceBasis) ? (row.sourceBasis as SourceBasis) : null,
    note: text(row.sourceNote),
    proposed: row.status === 'PROPOSED',
  };
}

/** A list field of links: each neighbour under `key`, with what its link rests on (the statement must return `rel`). */
export function linksVia<K extends string, T>(query: string, key: K) {
  return {
    load: neighbours(query, (row) => ({ [key]: row.node, source: sourceOf(row.rel) }) as { [P in K]: T } & { source: SourceShape | null }),
    resolve: keyOf,
  };
}

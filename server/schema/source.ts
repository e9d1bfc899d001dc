import { builder } from './builder.ts';

/** The document (and section) a record was taken from; `proposed` marks a political alternative proposal. */
export interface SourceShape {
  document: string;
  section: string | null;
  proposed: boolean;
}

export const Source = builder.objectRef<SourceShape>('Source').implement({
  description: 'Källa: the seed document, and section, a record was taken from.',
  fields: (t) => ({
    document: t.exposeString('document'),
    section: t.exposeString('section', { nullable: true }),
    proposed: t.exposeBoolean('proposed', {
      description: 'True when only a political alternative proposal states it (not adopted).',
    }),
  }),
});

/** The `source` of a stored record, from its flattened properties (Neo4j stores no maps). */
export function sourceOf(row: { sourceDocument?: unknown; sourceSection?: unknown; status?: unknown }): SourceShape | null {
  if (typeof row.sourceDocument !== 'string') return null;
  return {
    document: row.sourceDocument,
    section: typeof row.sourceSection === 'string' ? row.sourceSection : null,
    proposed: row.status === 'PROPOSED',
  };
}

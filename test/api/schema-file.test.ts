import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, printedSchema } from '../../server/schema/print.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run schema` after a schema change)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('keeps the contract names consumers rely on', () => {
    const text = printedSchema();
    for (const name of [
      'node(id: ID!): Node',
      'actors(', 'forums(', 'activities(', 'goals(', 'targetAreas: [TargetArea!]!', 'strategies(', 'policyDocuments(',
      'collaborations(', 'areas: [Area!]!', 'workingRelations(',
      'type ActorConnection', 'type WorkingRelation', 'type Membership', 'type Source',
    ]) expect(text).toContain(name);
  });
});

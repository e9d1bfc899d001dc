import { buildSchema } from 'graphql';
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
      'actors(', 'forums(', 'activities(', 'goals(', 'targetAreas(', '): [TargetArea!]!', 'strategies(', 'policyDocuments(',
      'collaborations(', 'areas(', '): [Area!]!', 'workingRelations(', 'changesBetween(',
      'type ActorConnection', 'type WorkingRelation', 'type Membership', 'type Source',
    ]) expect(text).toContain(name);
    // Relay's lookups by id, which also take asOf.
    const query = buildSchema(text).getQueryType()!.getFields();
    expect([String(query.node!.type), query.node!.args.map((a) => `${a.name}: ${a.type}`)]).toEqual(['Node', ['asOf: Date', 'id: ID!']]);
    expect([String(query.nodes!.type), query.nodes!.args.map((a) => `${a.name}: ${a.type}`)]).toEqual(['[Node]!', ['asOf: Date', 'ids: [ID!]!']]);
  });
});

describe('enums in introspection', () => {
  it('give CollaborationLevel in scale order, left to right, and every enum in the order it is defined in', async () => {
    const { graphql } = await import('graphql');
    const { schema } = await import('../../server/schema/index.ts');
    const { data } = await graphql({ schema, source: '{ levels: __type(name: "CollaborationLevel") { enumValues { name } } roles: __type(name: "MemberRole") { enumValues { name } } }' });
    const names = (type: string) => (data![type] as { enumValues: { name: string }[] }).enumValues.map((v) => v.name);
    expect(names('levels')).toEqual(['SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT']);
    const { MEMBER_ROLES } = await import('../../server/domain/vocabulary.ts');
    expect(names('roles')).toEqual([...MEMBER_ROLES]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { mutate } from '../support/mutate.ts';

/* The Beredningsgrupp's questions of the forum inventory: every forum for a målgrupp, by convenor, and what is due for confirmation. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const names = async (args: string) =>
  (await server.gql(`{ forums(first: 100${args}) { totalCount edges { node { name targetGroups confirmationDueAt } } } }`)).data!.forums;

describe('the forum inventory', () => {
  it('shows targetGroups on Forum and in ForumFilter through introspection, from the one vocabulary', async () => {
    const { data } = await server.gql(`{ forum: __type(name: "Forum") { fields { name type { kind ofType { kind ofType { kind ofType { name } } } } } }
      filter: __type(name: "ForumFilter") { inputFields { name type { name } } }
      groups: __type(name: "TargetGroup") { enumValues { name } } }`);
    const field = data!.forum.fields.find((f: any) => f.name === 'targetGroups');
    expect(field.type).toEqual({ kind: 'NON_NULL', ofType: { kind: 'LIST', ofType: { kind: 'NON_NULL', ofType: { name: 'TargetGroup' } } } });
    expect(data!.filter.inputFields.find((f: any) => f.name === 'targetGroup').type).toEqual({ name: 'TargetGroup' });
    expect(data!.groups.enumValues.map((v: any) => v.name)).toEqual(expect.arrayContaining(['BARN_OCH_UNGA', 'UNGA_VUXNA', 'FAMILJER']));
  });

  it('lists the forums of a målgrupp, and a forum\'s målgrupper can be changed', async () => {
    const created = await mutate(server, 'createForum', 'CreateForumInput', { name: 'Fritidsnätverket Hässleholmen', targetGroups: ['BARN_OCH_UNGA', 'FAMILJER'], convenorId: 'actor:fof' }, 'forum { id version targetGroups }');
    expect(created.forum.targetGroups).toEqual(['BARN_OCH_UNGA', 'FAMILJER']);
    expect((await names(', filter: { targetGroup: BARN_OCH_UNGA }')).edges.map((e: any) => e.node.name)).toEqual(['Fritidsnätverket Hässleholmen']);
    expect((await names(', filter: { targetGroup: ALDRE }')).totalCount).toBe(0);
    expect((await names(', filter: { convenor: "actor:fof" }')).edges.map((e: any) => e.node.name)).toContain('Fritidsnätverket Hässleholmen');

    const updated = await mutate(server, 'updateForum', 'UpdateForumInput', { id: created.forum.id, version: 1, targetGroups: ['UNGA_VUXNA'] }, 'forum { targetGroups }');
    expect(updated.forum.targetGroups).toEqual(['UNGA_VUXNA']);
    expect((await names(', filter: { targetGroup: BARN_OCH_UNGA }')).totalCount).toBe(0);
  });

  it('lists forums due for confirmation, never confirmed first, and drops a forum once confirmed', async () => {
    const all = (await names('')).totalCount;
    const due = await names(', filter: { confirmationDue: true }, order: CONFIRMATION_DUE');
    expect(due.totalCount).toBe(all);
    const { data } = await server.gql(`{ node(id: "forum:beredningsgrupp-barn-och-unga") { ... on Forum { version } } }`);
    const confirmed = await mutate(server, 'confirmForum', 'NodeVersionInput', { id: 'forum:beredningsgrupp-barn-och-unga', version: data!.node.version }, 'forum { confirmedAt confirmationDueAt }');
    const dueAt = new Date(confirmed.forum.confirmationDueAt);
    const inAYear = new Date(confirmed.forum.confirmedAt);
    inAYear.setMonth(inAYear.getMonth() + 12);
    expect(dueAt.toISOString()).toBe(inAYear.toISOString());
    expect((await names(', filter: { confirmationDue: true }')).totalCount).toBe(all - 1);
    expect((await names(', filter: { confirmationDue: false }')).edges.map((e: any) => e.node.name)).toEqual(['Beredningsgrupp barn och unga']);
    const ordered = (await names(', order: CONFIRMATION_DUE')).edges.map((e: any) => e.node.confirmationDueAt);
    expect(ordered.at(-1)).toBe(confirmed.forum.confirmationDueAt);
    expect(ordered.slice(0, -1).every((d: string | null) => d === null)).toBe(true);
  });
});

import { builder } from './builder.ts';
import type { Context } from './context.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { datedAs } from './loaders.ts';

/*
 * `node` and `nodes` as Relay defines them, with `asOf` like every other
 * lookup: a forum ended before the day is not there, and the lists under a
 * node are read as of the same day.
 */

async function nodesAsOf(context: Context, ids: readonly string[], asOf: string): Promise<({ id: string } | null)[]> {
  const rows = await context.store.read<{ node: { id: string } }>('node/get-nodes-as-of', { ids: [...ids], asOf });
  const byId = new Map(datedAs(rows.map((r) => r.node), asOf).map((node) => [node.id, node]));
  return ids.map((id) => byId.get(id) ?? null);
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any node by its id (actor:ska, forum:…); null when there is none, or it did not hold on `asOf` (today when left out): an ended forum is found with the day it still held.',
    args: { id: t.arg.globalID({ required: true }), asOf: t.arg(asOfArg) },
    resolve: async (_root, args, context) => (await nodesAsOf(context, [args.id.id], dayAsked(args.asOf)))[0] as never,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Nodes by id, in the order asked for; null for each that is not there (or did not hold on `asOf`).',
    args: { ids: t.arg.globalIDList({ required: true }), asOf: t.arg(asOfArg) },
    resolve: async (_root, args, context) => (await nodesAsOf(context, args.ids.map((g) => g.id), dayAsked(args.asOf))) as never,
  }),
}));

import { builder } from './builder.ts';
import { loadNodes, pageOf } from './loaders.ts';
import { isApiKeyId } from '../auth/api-keys.ts';
import { hasRole, refusalFor } from '../auth/roles.ts';
import { isSurveyId } from '../write/survey-writes.ts';
import type { Viewer } from './context.ts';

/** A Change node as stored: before and after are JSON text (Neo4j stores no maps). */
export interface ChangeRow {
  id: string;
  at: string;
  by?: string | null;
  byName?: string | null;
  operation: string;
  before?: string | null;
  after?: string | null;
  subjects?: string[];
}

/**
 * An assessment's record names each respondent with their answers; only ADMIN
 * sees one person's answers (as in a round's results), others see which
 * organisations answered.
 */
function forViewer(json: string | null | undefined, viewer: Viewer): string | null {
  if (json == null || hasRole(viewer, 'ADMIN') || !json.includes('"responses"')) return json ?? null;
  const data = JSON.parse(json) as { responses?: unknown };
  if (!Array.isArray(data.responses)) return json;
  data.responses = data.responses.map((r: { organisation?: string }) => ({ organisation: r.organisation ?? null }));
  return JSON.stringify(data);
}

const Change = builder.objectRef<ChangeRow>('Change').implement({
  description: 'One write in the audit trail: who, when, what, and the data before and after.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.exposeString('at', { description: 'When, ISO 8601 in UTC.' }),
    by: t.string({ nullable: true, description: 'Who: the id of the key or token user.', resolve: (c) => c.by ?? null }),
    byName: t.string({ nullable: true, description: 'Who, by name.', resolve: (c) => c.byName ?? null }),
    operation: t.exposeString('operation', { description: 'The mutation, e.g. `updateForum`.' }),
    before: t.string({ nullable: true, description: 'JSON of what was there before; null for something new. One respondent\'s answers only for ADMIN.', resolve: (c, _args, context) => forViewer(c.before, context.viewer) }),
    after: t.string({ nullable: true, description: 'JSON of what is there after; null for something removed. One respondent\'s answers only for ADMIN.', resolve: (c, _args, context) => forViewer(c.after, context.viewer) }),
    subjects: t.idList({ description: 'Every node the write touched, the changed one first.', resolve: (c) => c.subjects ?? [] }),
  }),
});

builder.queryFields((t) => ({
  changes: t.connection(
    {
      type: Change,
      description: 'The audit trail of one node, newest first; a deleted node\'s history too. Needs sign-in: it names editors; an API key\'s needs ADMIN.',
      authScopes: { role: 'LASARE' },
      args: { nodeId: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        // A key's history holds what `apiKeys` shows, so it is for the same role.
        if (isApiKeyId(args.nodeId) && !hasRole(context.viewer, 'ADMIN')) {
          throw refusalFor(context.viewer, 'ADMIN', 'läsa en API-nyckels historik');
        }
        // A round's history names the people asked in it, so it is for those who see the round.
        if (isSurveyId(args.nodeId) && !hasRole(context.viewer, 'REDAKTOR')) {
          throw refusalFor(context.viewer, 'REDAKTOR', 'läsa en skattningsomgångs historik');
        }
        // A live node's changes are one hop away; a deleted node's must be searched for by id.
        const [node] = await loadNodes<{ id: string }>(context, [args.nodeId]);
        const query = node ? 'change/list-node-changes' : 'change/list-deleted-node-changes';
        return pageOf<ChangeRow>(context, query, { id: args.nodeId }, args);
      },
    },
    { name: 'ChangeConnection' },
    { name: 'ChangeEdge' },
  ),
}));

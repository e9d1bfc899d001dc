import { builder } from './builder.ts';
import { withIndex } from './finding.ts';
import { asOfArg, dayAsked } from './as-of.ts';
import { ACTIVITY_GROUPINGS, activityCounts, FORUM_GROUPINGS, forumCounts, type GroupCount as GroupCountShape } from '../analysis/report-counts.ts';
import { TARGET_GROUPS } from '../domain/vocabulary.ts';

const GroupCount = builder.objectRef<GroupCountShape>('GroupCount').implement({
  description: 'One group of a grouped count: its id, its name and how many are in it.',
  fields: (t) => ({ key: t.exposeID('key'), name: t.exposeString('name'), count: t.exposeInt('count') }),
});

const ActivityGrouping = builder.enumType('ActivityGrouping', {
  description: 'TARGET_AREA: through its effektmål and strategies; GOAL; ACTOR: ansvar; AREA: område.',
  values: ACTIVITY_GROUPINGS,
});
const ForumGrouping = builder.enumType('ForumGrouping', {
  description: 'ACTOR: a seat or the convenorship; TARGET_AREA: through the effektmål it works on; TARGET_GROUP: målgrupp.',
  values: FORUM_GROUPINGS,
});

builder.queryFields((t) => ({
  activityCounts: t.field({
    type: [GroupCount],
    description: 'How many activities per group, every group listed (0 too), most first. An activity counts once per group.',
    args: { by: t.arg({ type: ActivityGrouping, required: true }), asOf: t.arg(asOfArg) },
    resolve: async (_root, { by, asOf }, context) => activityCounts(await withIndex(context, dayAsked(asOf)), by),
  }),
  forumCounts: t.field({
    type: [GroupCount],
    description: 'How many forums per group, every group listed (0 too), most first. A forum counts once per group.',
    args: { by: t.arg({ type: ForumGrouping, required: true }), asOf: t.arg(asOfArg) },
    resolve: async (_root, { by, asOf }, context) => forumCounts(await withIndex(context, dayAsked(asOf)), by, TARGET_GROUPS),
  }),
}));

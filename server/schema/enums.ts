import { builder } from './builder.ts';
import { ACTOR_KINDS, SECTORS } from '../domain/sectors.ts';
import { ACTIVITY_KINDS, COLLABORATION_TYPES, FORUM_LEVELS, MEMBER_ROLES, SOURCE_BASES, TARGET_GROUPS } from '../domain/vocabulary.ts';

export const ActorKindEnum = builder.enumType('ActorKind', { values: ACTOR_KINDS });
export const SectorEnum = builder.enumType('Sector', { values: SECTORS });
export const MemberRoleEnum = builder.enumType('MemberRole', { values: MEMBER_ROLES });
export const ForumLevelEnum = builder.enumType('ForumLevel', { values: FORUM_LEVELS });
export const TargetGroupEnum = builder.enumType('TargetGroup', { description: 'Målgrupp: whom the work is for.', values: TARGET_GROUPS });
export const ActivityKindEnum = builder.enumType('ActivityKind', {
  description: 'EFFEKTKEDJA: a row of an effektkedja; INSATS: an ongoing insats; PROCESS: a stadenövergripande process.',
  values: ACTIVITY_KINDS,
});
export const SourceBasisEnum = builder.enumType('SourceBasis', {
  description: 'STATED: the quote says it. INFERRED: a reader of the document would conclude it; the note says how.',
  values: SOURCE_BASES,
});
export const CollaborationTypeEnum = builder.enumType('CollaborationType', { values: COLLABORATION_TYPES });
export const CollaborationLevelEnum = builder.enumType('CollaborationLevel', {
  description: 'The taxonomy "Arbeta med andra", left to right: 1 … 5.',
  values: ['SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT'] as const,
});

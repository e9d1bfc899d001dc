import { builder } from './builder.ts';
import { ACTOR_KINDS, SECTORS } from '../domain/sectors.ts';

export const ActorKindEnum = builder.enumType('ActorKind', { values: ACTOR_KINDS });
export const SectorEnum = builder.enumType('Sector', { values: SECTORS });
export const MemberRoleEnum = builder.enumType('MemberRole', {
  values: ['ORDFORANDE', 'SAMMANKALLANDE', 'LEDAMOT', 'ADJUNGERAD'] as const,
});
export const ForumLevelEnum = builder.enumType('ForumLevel', { values: ['STRATEGISK', 'TAKTISK', 'OPERATIV'] as const });
export const ActivityKindEnum = builder.enumType('ActivityKind', {
  description: 'EFFEKTKEDJA: a row of an effektkedja; INSATS: an ongoing insats; PROCESS: a stadenövergripande process.',
  values: ['EFFEKTKEDJA', 'INSATS', 'PROCESS'] as const,
});
export const CollaborationTypeEnum = builder.enumType('CollaborationType', {
  values: ['OVER_FORVALTNINGSGRANSER', 'MELLAN_PROFESSIONER', 'MED_NARINGSLIV_OCH_CIVILSAMHALLE'] as const,
});
export const CollaborationLevelEnum = builder.enumType('CollaborationLevel', {
  description: 'The taxonomy "Arbeta med andra", left to right: 1 … 5.',
  values: ['SPECIFICERAT', 'SAMORDNAT', 'SAMVERKAN', 'INTEGRERAT', 'SAMMANSMALT'] as const,
});

/** The domain's closed vocabularies (DESIGN.md): one list each, for the schema, the seed loader and the generator. */

export const MEMBER_ROLES = ['ORDFORANDE', 'SAMMANKALLANDE', 'LEDAMOT', 'ADJUNGERAD'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const FORUM_LEVELS = ['STRATEGISK', 'TAKTISK', 'OPERATIV'] as const;
export type ForumLevel = (typeof FORUM_LEVELS)[number];

/** EFFEKTKEDJA: a row of an effektkedja; INSATS: an ongoing insats; PROCESS: a stadenövergripande process. */
export const ACTIVITY_KINDS = ['EFFEKTKEDJA', 'INSATS', 'PROCESS'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The three forms of collaboration the SHB följeforskning studied. */
export const COLLABORATION_TYPES = ['OVER_FORVALTNINGSGRANSER', 'MELLAN_PROFESSIONER', 'MED_NARINGSLIV_OCH_CIVILSAMHALLE'] as const;
export type CollaborationType = (typeof COLLABORATION_TYPES)[number];

/** Målgrupp: whom a forum's work is for; the Beredningsgrupp lists every forum for barn och unga. */
export const TARGET_GROUPS = ['BARN_OCH_UNGA', 'UNGA_VUXNA', 'VUXNA', 'ALDRE', 'FAMILJER', 'HELA_BEFOLKNINGEN', 'YRKESVERKSAMMA'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

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

/**
 * What a seeded fact rests on: STATED, the quoted text says it; INFERRED, a reader
 * of the document would conclude it, and a note says how.
 */
export const SOURCE_BASES = ['STATED', 'INFERRED'] as const;
export type SourceBasis = (typeof SOURCE_BASES)[number];

/**
 * Which table of seed 002 a funding record is: the same money per year or per
 * målområde (never add the two), a table's printed Totalsumma, or the grant itself.
 */
export const FUNDING_BREAKDOWNS = ['PER_YEAR', 'PER_TARGET_AREA', 'PRINTED_TOTAL', 'GRANT'] as const;
export type FundingBreakdown = (typeof FUNDING_BREAKDOWNS)[number];

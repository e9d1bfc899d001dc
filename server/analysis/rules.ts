/**
 * Every gap and overlap rule by id, with its Swedish name and a one-line account of how it
 * decides: the one place a client reads them from (`findingRules`, `byRule`), so no view keeps
 * its own copy or shows a raw id.
 */
import { CONFIRM_MONTHS } from '../domain/confirmation.ts';
import { percent } from './findings.ts';

/** Member Jaccard from which two forums count as merge candidates, unless a query gives its own. */
export const DEFAULT_MEMBER_OVERLAP = 0.5;
/** How many forums on one goal make a meeting load for one actor, unless a query gives its own. */
export const DEFAULT_MEETING_LOAD = 3;
/** Forums with no shared goal recorded must share at least this many members to count as overlapping. */
export const MIN_SHARED_MEMBERS = 2;

export type Report = 'GAP' | 'OVERLAP';

export interface RuleInfo {
  report: Report;
  label: string;
  explanation: string;
}

export const FINDING_RULES = {
  'goal-without-activity': {
    report: 'GAP',
    label: 'Effektmål utan aktivitet',
    explanation: 'Ett effektmål som ingen aktivitet i någon effektkedja bidrar till.',
  },
  'activity-empty-cells': {
    report: 'GAP',
    label: 'Aktivitet med tomma celler',
    explanation: 'En aktivitet där Ansvar, Tid eller Resurser är tom, alla tomma celler i samma fynd; hög allvarsgrad när ingen ansvarar.',
  },
  'strategy-without-activity': {
    report: 'GAP',
    label: 'Strategi utan aktivitet',
    explanation: 'En strategi som ingen aktivitet genomför.',
  },
  'collaboration-never-assessed': {
    report: 'GAP',
    label: 'Samverkan aldrig skattad',
    explanation: 'En samverkan som varken har en enkät eller en direkt placering på taxonomin.',
  },
  'collaboration-below-target': {
    report: 'GAP',
    label: 'Samverkan under målnivån',
    explanation: 'En samverkan vars senaste skattade nivå är lägre än den målnivå dess syfte behöver.',
  },
  'structural-hole': {
    report: 'GAP',
    label: 'Borde tala med varandra',
    explanation: 'Två aktörer som arbetar mot samma effektmål (ansvar för en aktivitet eller plats i ett forum) men inte delar forum, aktivitet eller samverkan och inte hör till samma organisation.',
  },
  'single-sector-goal': {
    report: 'GAP',
    label: 'Effektmål med en enda sektor',
    explanation: 'Alla aktörer som ansvarar för en aktivitet eller sitter i ett forum för effektmålet kommer från samma sektor.',
  },
  'single-sector-target-area': {
    report: 'GAP',
    label: 'Målområde med en enda sektor',
    explanation: 'Alla aktörer som agerar på målområdets effektmål kommer från samma sektor.',
  },
  'single-sector-area': {
    report: 'GAP',
    label: 'Område med en enda sektor',
    explanation: 'Alla aktörer som ansvarar för en aktivitet i området kommer från samma sektor.',
  },
  'policy-document-unlinked': {
    report: 'GAP',
    label: 'Styrdokument utan koppling',
    explanation: 'Ett styrdokument som inte styr någon aktivitet, något forum eller något effektmål i kartan.',
  },
  'forum-without-goal': {
    report: 'GAP',
    label: 'Forum utan effektmål',
    explanation: 'Ett forum som inte är kopplat till något effektmål, så att syftet är oklart.',
  },
  'forum-unconfirmed': {
    report: 'GAP',
    label: 'Forum att bekräfta',
    explanation: `Ett forum vars sammankallande inte har bekräftat uppgifterna de senaste ${CONFIRM_MONTHS} månaderna, eller aldrig.`,
  },
  'forum-merge-candidate': {
    report: 'OVERLAP',
    label: 'Forum att slå samman',
    explanation: `Två forum som delar minst ${percent(DEFAULT_MEMBER_OVERLAP)} av sina medlemmar (gemensamma av alla); medel om de också arbetar med samma effektmål, låg om bara medlemmarna (minst ${MIN_SHARED_MEMBERS}) överlappar.`,
  },
  'duplicate-activity': {
    report: 'OVERLAP',
    label: 'Dubbla aktiviteter',
    explanation: 'Aktiviteter med olika ansvariga som ska ge samma kortsiktiga effekt för samma effektmål.',
  },
  'meeting-load': {
    report: 'OVERLAP',
    label: 'Mötesbelastning',
    explanation: `En aktör som sitter i minst ${DEFAULT_MEETING_LOAD} forum som arbetar med samma effektmål.`,
  },
  'uncoordinated-work': {
    report: 'OVERLAP',
    label: 'Ska samordnas',
    explanation: 'Arbete som styrdokumenten säger ska samordnas, där inget forum i kartan samordnar båda delarna.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof FINDING_RULES;

/** Every rule, gaps first, in the order above. */
export const RULE_IDS = Object.keys(FINDING_RULES) as RuleId[];

/** A rule's entry; an id this version does not know (a client's typo in a filter) has none. */
export const ruleInfo = (id: string): RuleInfo | undefined => (FINDING_RULES as Record<string, RuleInfo>)[id];

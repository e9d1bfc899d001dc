import type { Finding, Named } from './documents.ts';

/**
 * The Rapport's one query: everything the printed follow-up of one målområde
 * ($targetArea) or of the whole programme (null) shows, counts included, as
 * the server computes them, as of $asOf (the header's day; null: today).
 * The XLSX export runs the same query on the server.
 */
const PLACEMENT = 'column targetLevel belowTarget driftFlagged collaboration { id name source { document } participants { id name shortName } }';
const LEVELS = 'levels { level label count }';
const FINDINGS = 'totalCount bySeverity { severity count } findings { id rule title severity evidence action subjectIds parts { key label action } ruleInfo { label } }';

export const REPORT_QUERY = /* GraphQL */ `
  query Rapport($targetArea: ID, $asOf: Date) {
    targetAreas(asOf: $asOf) { id name }
    goals(first: 1000, filter: { targetArea: $targetArea }, asOf: $asOf) {
      totalCount
      nodes {
        id text targetArea { id name } source { document }
        activities { id name period resources responsibleOthers responsible { id name shortName } source { document } }
      }
    }
    activityCounts(by: GOAL, asOf: $asOf) { key count }
    gaps(filter: { targetArea: $targetArea }, asOf: $asOf) { ${FINDINGS} }
    overlaps(filter: { targetArea: $targetArea }, asOf: $asOf) { ${FINDINGS} }
    taxonomy(asOf: $asOf) { ${LEVELS} collaborations { ${PLACEMENT} } byTargetArea { key ${LEVELS} placements { ${PLACEMENT} } } }
    forums(first: 1000, filter: { targetArea: $targetArea }, asOf: $asOf) {
      totalCount
      nodes { id name level meetingFrequency source { document } convenor { id name shortName } members { actor { id name shortName } } }
    }
    fundings { id breakdown year description amountSek source targetArea { id name } citation { document section } }
  }
`;

type ActorName = Named & { shortName: string | null };
type DocumentRef = { document: string } | null;

export interface ReportPlacement {
  column: string;
  targetLevel: string | null;
  belowTarget: boolean;
  driftFlagged: boolean;
  collaboration: Named & { source: DocumentRef; participants: ActorName[] };
}
export interface LevelCountData {
  level: string | null;
  label: string;
  count: number;
}
export interface ReportFindings {
  totalCount: number;
  bySeverity: { severity: string; count: number }[];
  /** Each with its rule's Swedish name, as the server keeps it. */
  findings: (Finding & { ruleInfo: { label: string } })[];
}

export interface ReportData {
  targetAreas: Named[];
  goals: {
    totalCount: number;
    nodes: {
      id: string;
      text: string;
      targetArea: Named;
      source: DocumentRef;
      activities: (Named & { period: string | null; resources: string | null; responsibleOthers: string | null; responsible: ActorName[]; source: DocumentRef })[];
    }[];
  };
  activityCounts: { key: string; count: number }[];
  gaps: ReportFindings;
  overlaps: ReportFindings;
  taxonomy: {
    levels: LevelCountData[];
    collaborations: ReportPlacement[];
    byTargetArea: { key: string; levels: LevelCountData[]; placements: ReportPlacement[] }[];
  };
  forums: {
    totalCount: number;
    nodes: (Named & { level: string | null; meetingFrequency: string | null; source: DocumentRef; convenor: ActorName | null; members: { actor: ActorName }[] })[];
  };
  fundings: {
    id: string;
    breakdown: string | null;
    year: number | null;
    description: string | null;
    amountSek: number;
    source: string;
    targetArea: Named | null;
    citation: { document: string; section: string | null } | null;
  }[];
}

/** The report's XLSX, built on the server from the same query. */
export const reportXlsxHref = (targetArea: string | null): string =>
  `/export/rapport.xlsx${targetArea ? `?malomrade=${encodeURIComponent(targetArea)}` : ''}`;

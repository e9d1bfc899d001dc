import type { Instrument, Named } from './documents.ts';

/** Skattningsomgångar: the editor's GraphQL documents, and the respondent's two JSON endpoints. */

export interface RoundRespondent {
  id: string;
  name: string;
  email: string | null;
  answered: boolean;
  revoked: boolean;
  organisation: Named;
}

export interface RoundData {
  id: string;
  status: 'OPEN' | 'CLOSED';
  closesOn: string;
  message: string | null;
  tally: string;
  invited: number;
  collaboration: Named & { participants: Named[] };
  respondents: RoundRespondent[];
  organisations: { organisation: Named; invited: number; answered: number; medians: { layer: string; median: number | null }[] }[];
  comments: string[];
  assessment: { date: string; level: string; provisional: boolean; evidence: string } | null;
}

const ROUND = `id status closesOn message tally invited
  collaboration { id name participants { id name } }
  respondents { id name email answered revoked organisation { id name } }
  organisations { organisation { id name } invited answered medians { layer median } }
  comments assessment { date level provisional evidence }`;

export const ROUND_QUERY = /* GraphQL */ `query SurveyRound($id: ID!) { surveyRound(id: $id) { ${ROUND} } }`;
export interface RoundQueryData {
  surveyRound: RoundData | null;
}

export const ROUND_SUCCESS = `round { ${ROUND} }`;
export const OPENED_SUCCESS = `opened { rounds { ${ROUND} } }`;
export const ADDED_SUCCESS = `added { round { ${ROUND} } links { path respondent { id name organisation { id name } } } }`;
export const REVOKED_SUCCESS = 'respondent { id }';

export interface NewLink {
  path: string;
  respondent: { id: string; name: string; organisation: Named };
}

/** What an editor chooses a round for: one collaboration, or all of a forum's or a målområde's. */
export const SURVEY_CHOICES_QUERY = /* GraphQL */ `
  query SurveyChoices($collaboration: ID!, $known: Boolean!) {
    collaborations(first: 1000) { nodes { id name } }
    forums(first: 1000) { nodes { id name } }
    targetAreas { id name }
    node(id: $collaboration) @include(if: $known) { ... on Collaboration { id name surveyRounds { id status closesOn tally } } }
  }
`;
export interface SurveyChoicesData {
  collaborations: { nodes: Named[] };
  forums: { nodes: Named[] };
  targetAreas: Named[];
  node?: (Named & { surveyRounds: Pick<RoundData, 'id' | 'status' | 'closesOn' | 'tally'>[] }) | null;
}

/** What a personal link opens: its survey and nothing else. */
export interface SurveyData {
  collaboration: { name: string; participants: string[] };
  respondent: { name: string; organisation: string };
  round: { closesOn: string; message: string | null };
  instrument: Pick<Instrument, 'targetQuestion' | 'signals'> & {
    levels: { value: number; name: string }[];
    layers: { key: string; name: string; items: { id: string; name: string; statements: string[] }[] }[];
  };
  answers: Record<string, number | null>;
  signals: string[];
  comment: string | null;
  savedAt: string | null;
}

export class SurveyRefused extends Error {
  override name = 'SurveyRefused';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * One request with the link's token in the JSON body: never a cookie, never
 * the GraphQL endpoint, so the page can reach nothing but its own survey.
 */
async function post(action: 'las' | 'spara', body: Record<string, unknown>): Promise<SurveyData> {
  const response = await fetch(`/api/svar/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'omit',
  });
  const data = (await response.json().catch(() => null)) as (SurveyData & { error?: string }) | null;
  if (!response.ok || !data) throw new SurveyRefused(data?.error ?? `HTTP ${response.status}`, response.status);
  return data;
}

export const readSurvey = (token: string) => post('las', { token });

export type SurveyChange = { answers?: Record<string, number | null>; signals?: string[]; comment?: string | null };

export const saveSurvey = (token: string, change: SurveyChange) => post('spara', { token, ...change });

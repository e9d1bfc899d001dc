import type { TestServer } from './server.ts';
import { mutate, type MutationResult } from './mutate.ts';

/** Skattningsomgångar over HTTP, as an editor and as a respondent with a personal link. */

import { daysFromToday } from '../../server/domain/days.ts';

export { daysFromToday };

export const ROUND_FIELDS = `id status closesOn message tally invited answered organisationsAnswered collaboration { id name }
  respondents { id name email answered revoked organisation { id } }
  organisations { organisation { id } invited answered medians { layer median } }
  comments assessment { id date method level provisional respondents organisations layers { layer score } perceptionGaps { layer difference } }`;

export async function openRound(server: TestServer, input: Record<string, unknown>, as = server.keys.REDAKTOR): Promise<MutationResult> {
  return mutate(server, 'openSurveyRound', 'OpenSurveyRoundInput', { closesOn: daysFromToday(14), ...input }, `opened { rounds { ${ROUND_FIELDS} } }`, as);
}

export async function addRespondents(server: TestServer, input: Record<string, unknown>, as = server.keys.REDAKTOR): Promise<MutationResult> {
  return mutate(server, 'addRespondents', 'AddRespondentsInput', input, `added { round { ${ROUND_FIELDS} } links { token path respondent { id name organisation { id } } } }`, as);
}

export async function roundOf(server: TestServer, id: string, as = server.keys.REDAKTOR) {
  const response = await server.gql<{ surveyRound: any }>(`query($id: ID!) { surveyRound(id: $id) { ${ROUND_FIELDS} } }`, { id }, { as });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.surveyRound;
}

/** One respondent request: `las` reads the survey, `spara` saves; the body as JSON unless `raw` gives it as text of `type`. */
export async function respond(
  server: TestServer,
  action: 'las' | 'spara',
  body: Record<string, unknown>,
  options: { type?: string; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${server.url}/api/svar/${action}`, {
    method: 'POST',
    headers: { 'content-type': options.type ?? 'application/json', ...options.headers },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** The six items and three targets as a respondent gives them: a1 a2 b1 b2 c1 c2, then targets A B C. */
export function answers(items: [number, number, number, number, number, number], targets: [number, number, number] = [4, 4, 4]) {
  const [a1, a2, b1, b2, c1, c2] = items;
  return { a1, a2, b1, b2, c1, c2, targetA: targets[0], targetB: targets[1], targetC: targets[2] };
}

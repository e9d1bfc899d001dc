import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { GraphStore } from '../store/port.ts';
import { INSTRUMENT } from '../domain/instrument.ts';
import { ANSWER_KEYS, DONT_KNOW, type RespondentRow } from '../analysis/survey.ts';
import { swedish } from '../analysis/findings.ts';
import { type AnswerPatch, closeDueRounds, LinkRefused, type RoundRow, saveAnswer, tokenHash } from '../write/survey-writes.ts';
import { optionalText } from '../write/rules.ts';
import { GuessLimit } from './guess-limit.ts';

/*
 * The respondent's two endpoints, reached with a personal link's token only:
 * POST /api/svar/las reads the survey, POST /api/svar/spara saves a change.
 * They are not GraphQL, so a token can ask for nothing but its own survey: no
 * field of the map (gaps, actors, another round) is reachable through them.
 * The token travels in the JSON body, never a cookie, and only JSON is taken,
 * so a page on another site can neither send it (it does not know it) nor
 * make a browser send it. Every token that opens nothing counts against the
 * sender's address (GuessLimit); unknown, revoked and closed links get the
 * same answer, so a refusal tells nothing apart.
 */

const MAX_BODY = 16 * 1024;

export const LINK_REFUSED = 'Länken gäller inte: den kan ha återkallats, omgången kan ha stängts, eller så är den felskriven. Hör av dig till den som skickade den.';

const token = z.string().min(20).max(200);
const answer = z.number().int().min(DONT_KNOW, 'måste vara 1–5 eller 0 (vet ej)').max(5, 'måste vara 1–5 eller 0 (vet ej)').nullable();
const signalCodes = INSTRUMENT.signals.map((s) => s.code);

const readBody = z.strictObject({ token });
const saveBody = z.strictObject({
  token,
  answers: z.strictObject(Object.fromEntries(ANSWER_KEYS.map((key) => [key, answer.optional()])) as Record<string, z.ZodOptional<typeof answer>>).optional(),
  signals: z.array(z.enum(signalCodes as [string, ...string[]])).max(signalCodes.length).optional(),
  comment: optionalText(4000).optional(),
});

type FoundRow = { respondent: RespondentRow; round: Pick<RoundRow, 'id' | 'status' | 'closesOn' | 'message'>; collaboration: string; organisation: string; participants: string[] };

export class RespondentRoutes {
  constructor(
    private readonly store: GraphStore,
    readonly limit = new GuessLimit(),
  ) {}

  /** Handles `/api/svar/…`; false for any other path. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const action = path === '/api/svar/las' ? 'read' : path === '/api/svar/spara' ? 'save' : null;
    if (!path.startsWith('/api/svar')) return false;
    if (!action) return send(res, 404, { error: 'Hittades inte' }), true;
    if (req.method !== 'POST') return send(res, 405, { error: `${path} tar emot POST med JSON` }, { allow: 'POST' }), true;
    const address = req.socket.remoteAddress ?? 'okänd';
    const wait = this.limit.retryAfter(address);
    if (wait) return send(res, 429, { error: `För många ogiltiga länkar från den här adressen: försök igen om ${wait} sekunder.` }, { 'retry-after': String(wait) }), true;
    // JSON only: a form or a plain-text POST from another site never reaches the store.
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return send(res, 415, { error: 'Content-Type: skicka application/json' }), true;
    }
    const body = await readJson(req);
    const parsed = (action === 'read' ? readBody : saveBody).safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return send(res, 400, { error: `${issue.path.join('.') || 'body'}: ${issue.message}` }), true;
    }
    // A round whose closing date has passed is closed before its links are looked at.
    await closeDueRounds(this.store);
    try {
      if (action === 'save') {
        const { token: secret, answers, signals, comment } = parsed.data as z.infer<typeof saveBody>;
        const patch: AnswerPatch = { ...answers, ...(signals ? { signals } : {}), ...(comment !== undefined ? { comment } : {}) };
        await saveAnswer(this.store, secret, patch);
      }
      return send(res, 200, await this.survey(parsed.data.token)), true;
    } catch (error) {
      if (!(error instanceof LinkRefused)) throw error;
      this.limit.miss(address);
      return send(res, 404, { error: LINK_REFUSED }), true;
    }
  }

  /** What the respondent's page shows: their survey and nothing else of the map. */
  private async survey(secret: string) {
    const [row] = await this.store.read<FoundRow>('survey/find-respondent', { hash: tokenHash(secret) });
    if (!row || row.respondent.revokedAt || row.round.status !== 'OPEN') throw new LinkRefused();
    const r = row.respondent;
    return {
      collaboration: { name: row.collaboration, participants: [...row.participants].sort(swedish.compare) },
      respondent: { name: r.name, organisation: row.organisation },
      round: { closesOn: row.round.closesOn, message: row.round.message ?? null },
      instrument: { levels: INSTRUMENT.levels, layers: INSTRUMENT.layers, targetQuestion: INSTRUMENT.targetQuestion, signals: INSTRUMENT.signals },
      answers: Object.fromEntries(ANSWER_KEYS.map((key) => [key, r[key] ?? null])),
      signals: r.signals ?? [],
      comment: r.comment ?? null,
      savedAt: r.savedAt ?? null,
    };
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_BODY) return null;
  }
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // no-store: a shared computer's cache keeps no one's answers; no-referrer: the link is never passed on.
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...headers });
  res.end(JSON.stringify(body));
}

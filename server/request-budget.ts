import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Why a request's work was stopped before it finished. */
export type StopReason = 'TIMEOUT' | 'CLIENT_GONE' | 'ANSWERED';

const MESSAGES: Record<StopReason, (limitMs: number) => string> = {
  TIMEOUT: (limitMs) => `Frågan tog längre tid än ${limitMs / 1000} s och avbröts. Be om mindre (färre med first, färre nästlade listor) eller dela upp den.`,
  CLIENT_GONE: () => 'Klienten kopplade ner; frågan avbröts.',
  ANSWERED: () => 'Svaret är redan skickat; resten av frågan avbröts.',
};

/**
 * Thrown into a request's resolvers once it must stop: its time is up, its
 * client went away, or its answer has been sent (a non-null root field failed
 * and the rest can no longer reach anyone). The store reads check it, so the
 * resolvers unwind at their next read instead of running on. A GraphQLError,
 * so the client sees it as it is (REQUEST_TOO_SLOW) and the log is not filled
 * with the traces of expected stops.
 */
export class RequestStopped extends GraphQLError {
  override name = 'RequestStopped';
  constructor(
    readonly reason: StopReason,
    readonly limitMs: number,
  ) {
    super(MESSAGES[reason](limitMs), { extensions: { code: reason === 'TIMEOUT' ? 'REQUEST_TOO_SLOW' : 'REQUEST_STOPPED', limitMs } });
  }
}

/** A request's budget: its signal, and a check that throws RequestStopped once it is spent. */
export interface Budget {
  signal: AbortSignal;
  check(): void;
}

/** No limit: for the store's own use outside a request (CLIs, seeding). */
export const UNLIMITED: Budget = { signal: new AbortController().signal, check: () => undefined };

/**
 * Gives every GraphQL request `limitMs` of time: a timer, the client's
 * disconnect (the request's own signal) and the sent response each end it.
 * The deadline is also checked by the clock, since a synchronous stretch of
 * work keeps the timer from firing until it yields.
 */
export function requestBudgets(limitMs: number): { plugin: Plugin; budgetOf(request: Request): Budget } {
  const budgets = new WeakMap<Request, Budget & { stop(reason: StopReason): void }>();
  const create = (request: Request) => {
    const controller = new AbortController();
    const deadline = performance.now() + limitMs;
    const stop = (reason: StopReason) => {
      clearTimeout(timer);
      if (!controller.signal.aborted) controller.abort(new RequestStopped(reason, limitMs));
    };
    const timer = setTimeout(() => stop('TIMEOUT'), limitMs);
    timer.unref();
    if (request.signal.aborted) stop('CLIENT_GONE');
    else request.signal.addEventListener('abort', () => stop('CLIENT_GONE'), { once: true });
    const budget = {
      signal: controller.signal,
      stop,
      check() {
        if (!controller.signal.aborted && performance.now() > deadline) stop('TIMEOUT');
        if (controller.signal.aborted) throw controller.signal.reason as RequestStopped;
      },
    };
    budgets.set(request, budget);
    return budget;
  };
  return {
    budgetOf: (request) => budgets.get(request) ?? create(request),
    plugin: {
      onRequest({ request }) {
        create(request);
      },
      onResponse({ request }) {
        budgets.get(request)?.stop('ANSWERED');
      },
    },
  };
}

import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { StoreError } from './store/port.ts';

/** What a client is told when the store's disk is full: the embedded store cannot save, a halted Neo4j not even read. */
export const DISK_FULL_MESSAGE = 'Servern kan inte göra det just nu: databasens disk är full. Försök igen när en administratör har frigjort utrymme.';

function storeErrorIn(error: unknown): StoreError | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause ?? (e as GraphQLError).originalError) {
    if (e instanceof StoreError) return e;
  }
  return undefined;
}

/**
 * Unexpected errors reach the client as "Unexpected error." (the log keeps
 * the cause), but a full disk is said as itself, with 503: the request was
 * fine, and the same request will work once there is room.
 */
export const maskErrors: NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean>>['maskError'] = (error, message, isDev) => {
  const path = error instanceof GraphQLError ? error.path : undefined;
  const store = storeErrorIn(error);
  if (store?.code === 'DISK_FULL') {
    console.error(`Disken är full: ${store.message}`);
    return new GraphQLError(DISK_FULL_MESSAGE, { path, extensions: { code: 'DISK_FULL', http: { status: 503 } } });
  }
  return yogaMaskError(error, message, isDev);
};

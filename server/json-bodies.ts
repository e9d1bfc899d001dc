import type { Plugin } from 'graphql-yoga';

/** The media types a GraphQL POST body may have; both are parsed as JSON. */
const JSON_TYPES = ['application/json', 'application/graphql-response+json'];

/**
 * GraphQL POST bodies must be JSON. yoga also parses form-encoded, multipart
 * and `application/graphql` bodies; a page on another site can send the first
 * two (and text/plain) without asking the browser first, so they never run
 * here, even though the CSRF token already stops cookie-borne writes. A JSON
 * body under `application/graphql-response+json` is read as the JSON it is.
 *
 * The one exception is a file upload (the GraphQL multipart request spec, for
 * importSpreadsheet), taken as multipart/form-data only with an Authorization
 * or x-csrf-token header: a form on another site can set neither, and a
 * script there that tries is stopped by the browser, as CORS is off.
 */
export function jsonBodiesOnly(): Plugin {
  return {
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const given = request.headers.get('content-type');
      const type = given?.split(';')[0]!.trim().toLowerCase() ?? '';
      if (type === JSON_TYPES[0]) return;
      if (type === 'multipart/form-data' && (request.headers.has('authorization') || request.headers.has('x-csrf-token'))) return;
      if (JSON_TYPES.includes(type)) {
        // yoga parses only application/json (and the older application/graphql+json) as JSON.
        const headers = new fetchAPI.Headers(request.headers);
        headers.set('content-type', 'application/json');
        return setRequest(new fetchAPI.Request(request.url, { method: 'POST', headers, body: await request.text() }));
      }
      const upload = type === 'multipart/form-data' ? ' En filuppladdning (multipart/form-data) tas bara emot med Authorization eller x-csrf-token.' : '';
      const message = `Content-Type: GraphQL-anrop skickas som application/json ({"query": "…", "variables": {…}}), ${type ? `inte ${type}` : 'och Content-Type saknas'}.${upload}`;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] }), {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8', accept: JSON_TYPES.join(', ') },
        }),
      );
    },
  };
}

// Android Volley's JSON request (https://github.com/google/volley/blob/master/core/src/main/java/com/android/volley/toolbox/JsonObjectRequest.java):
// `new JsonObjectRequest(int method, String url, JSONObject jsonRequest, Listener, ErrorListener)`, the body an org.json
// JSONObject filled by `put` (CashPilot Reccomend.java); the older `JsonObjectRequest(String url, JSONObject
// jsonRequest, Listener, ErrorListener)` posts when the body is not null ("Method.GET if jsonRequest is null,
// Method.POST otherwise"). Queued by `Volley.newRequestQueue(context).add(request)`.
import { isId } from '../lex/brackets';
import type { args as argsOf } from './calls';
import type { Ctx } from './values';

type Arg = ReturnType<typeof argsOf>[number];

/** The URL and body argument ranges of a Volley `JsonObjectRequest(…)` that posts, or undefined. */
export function volleyArgs(c: Ctx, a: Arg[]): { url: [number, number]; body: [number, number] } | undefined {
  const byPlace = a.filter((x) => !x.key && x.to > x.from);
  if (byPlace.length < 3) return undefined;
  const text = (x: Arg) => c.text.slice(c.toks[x.from].start, c.toks[x.to - 1].end).replace(/\s+/g, '');
  const method = text(byPlace[0]);
  // `Request.Method.POST`, `Method.POST` (imported), or its value 1 (Request.Method.POST = 1).
  const posts = /^(?:(?:com\.android\.volley\.)?(?:Request\.)?Method\.POST|1)$/.test(method);
  const [url, body] = posts && byPlace.length >= 4 ? [byPlace[1], byPlace[2]] : isStringUrl(c, byPlace[0]) ? [byPlace[0], byPlace[1]] : [undefined, undefined];
  if (!url || !body || text(body) === 'null') return undefined;
  return { url: [url.from, url.to], body: [body.from, body.to] };
}

/** Whether the first argument is a URL (the four-argument form) rather than a method: not an int constant. */
function isStringUrl(c: Ctx, x: Arg): boolean {
  const t = c.toks[x.from];
  if (/^(?:Request|Method)$/.test(t.v) || /^\d/.test(t.v)) return false;
  return t.v.startsWith('"') || isId(t);
}

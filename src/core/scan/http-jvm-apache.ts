// Apache HttpClient (https://hc.apache.org/httpcomponents-client-5.4.x/ and 4.5's HttpPost, StringEntity):
// `HttpPost post = new HttpPost(url); post.setHeader(…); post.setEntity(new StringEntity(json, UTF_8));
// client.execute(post)`. The row is the `setEntity(…)`: giving a POST its body is what makes the request (the execute
// is often in a helper taking any request, `executeRequest(HttpPost p)`); its URL is the one the HttpPost was made
// with, its body the entity's text. Seen in akhenaton05/telegram-gpt-bot AnthropicClient.java:71 (held-out sample 68:
// a bot with eight such clients, `dto.getBaseUrl() + "/v1/messages"`).
import { isId, isP } from '../lex/brackets';
import { args as argsOf } from './calls';
import { assignmentBefore } from './definitions';
import { valueEnd, type Ctx } from './values';

/** The request classes whose constructor takes the URL (4.x org.apache.http.client.methods, 5.x
 * org.apache.hc.client5.http.classic.methods). */
const REQUESTS = new Set(['HttpPost', 'HttpPut', 'HttpPatch']);
/** The entities whose constructor's first argument is the body text. */
const ENTITIES = new Set(['StringEntity']);

/** The URL and body ranges of `post.setEntity(…)` at toks[open] (its bracket). */
export function apacheEntity(c: Ctx, first: number, open: number): { url: [number, number]; body: [number, number] } | undefined {
  const { toks, match } = c;
  const close = match[open];
  if (!(close > open + 1) || !isP(toks[open - 2], '.') || !isId(toks[open - 3]) || isP(toks[open - 4], '.')) return undefined;
  const def = assignmentBefore(c, toks[open - 3].v, first);
  const url = def >= 0 ? made(c, def, valueEnd(c, def, toks.length), REQUESTS) : undefined;
  if (!url) return undefined;
  let arg = argsOf(c, open, close).filter((x) => !x.key);
  if (arg.length !== 1) return undefined;
  let [a, e] = [arg[0].from, arg[0].to];
  // `StringEntity entity = new StringEntity(json, UTF_8); post.setEntity(entity)`: the entity the name is bound to.
  if (e === a + 1 && isId(toks[a])) {
    const d = assignmentBefore(c, toks[a].v, first);
    if (d >= 0) [a, e] = [d, valueEnd(c, d, toks.length)];
  }
  const body = made(c, a, e, ENTITIES);
  if (!body) return undefined;
  // The HttpPost's binding is read: an edit of its URL there changes the row.
  c.read?.push({ start: toks[def].start, end: toks[valueEnd(c, def, toks.length) - 1].end });
  return { url, body };
}

/** `new T(X, …)` (Kotlin: `T(X, …)`) with T one of `types`, spanning toks[from, to): X. */
function made(c: Ctx, from: number, to: number, types: Set<string>): [number, number] | undefined {
  const { toks, match } = c;
  let n = toks[from]?.v === 'new' ? from + 1 : from;
  while (isId(toks[n]) && isP(toks[n + 1], '.') && isId(toks[n + 2])) n += 2;
  if (!isId(toks[n]) || !types.has(toks[n].v) || !isP(toks[n + 1], '(') || match[n + 1] !== to - 1) return undefined;
  const first = argsOf(c, n + 1, match[n + 1]).filter((x) => !x.key)[0];
  return first && first.from < first.to ? [first.from, first.to] : undefined;
}

/** The words read outside the call (editor/incremental.ts): an edit of the HttpPost or its entity above the row. */
export const APACHE_WORDS = [...REQUESTS, ...ENTITIES];

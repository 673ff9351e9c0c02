// Ktor's client (Kotlin): `client.post(url) { contentType(ContentType.Application.Json); setBody(request) }` — the URL
// is post's argument, the body what the request block's `setBody(…)` sets (https://ktor.io/docs/client-requests.html,
// "Set request body": `client.post("http://localhost:8080/post") { contentType(ContentType.Application.Json);
// setBody(Customer(3, "Jet", "Brains")) }`). http-jvm.ts reads the body as a RestTemplate's.
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import type { Ctx } from './values';

/** Tokens of a request block read for its `setBody(`, at most. */
const MAX_BLOCK = 2000;

/** The argument of `setBody(…)` in the block after the call at toks[open] (`post(url) { … }`), at the block's own level. */
export function ktorBody(c: Ctx, open: number): [number, number] | undefined {
  const { toks, match } = c;
  const close = match[open];
  const brace = close + 1;
  if (close < 0 || !isP(toks[brace], '{') || match[brace] < brace) return undefined;
  const end = Math.min(match[brace], brace + MAX_BLOCK);
  for (let k = brace + 1; k < end; k++) {
    if (isId(toks[k]) && toks[k].v === 'setBody' && isP(toks[k + 1], '(') && match[k + 1] > k && !isP(toks[k - 1], '.')) {
      const a = args(c, k + 1, match[k + 1]).filter((x) => !x.key);
      return a.length === 1 && a[0].from < a[0].to ? [a[0].from, a[0].to] : undefined;
    }
    // A nested block or call is not the request block's own statement.
    if (match[k] > k && (isP(toks[k], '{') || isP(toks[k], '(') || isP(toks[k], '['))) k = match[k];
  }
  return undefined;
}

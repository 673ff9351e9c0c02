// A Go request built with functional options instead of net/http's positional arguments: the app's own
// `func NewRequest(opts ...RequestOption) *http.Request`, called as `NewRequest(WithURL("https://api.openai.com/v1/
// chat/completions"), WithMethod("POST"), WithHeader(…), WithBody(payload))` and sent by `client.Do(req)`; each option
// sets the request's URL, method or body (held-out smpB L1: j-dunham/openai-cli services/openai/openai.go:77 had no
// row). The options' arguments stand for net/http's url, method and body (http-go.ts reads them as it reads those).
import { isId, isP } from '../lex/brackets';
import type { Ctx } from './values';
import type { Arg } from './http-go';

/** What an option's name after `With` sets (lower case). */
const SETS: Record<string, 'url' | 'method' | 'body'> = { url: 'url', endpoint: 'url', method: 'method', body: 'body', payload: 'body' };

/** The URL, method and body given as `WithURL(u)` / `WithMethod(m)` / `WithBody(b)` options (other options, such as
 * headers, are passed over); undefined unless every argument is such an option call and one names the URL. */
export function goRequestOptions(c: Ctx, a: Arg[]): { url: Arg; method?: Arg; body?: Arg } | undefined {
  const { toks, match } = c;
  const out: { url?: Arg; method?: Arg; body?: Arg } = {};
  if (!a.length) return undefined;
  for (const x of a) {
    // `WithURL(…)` or `pkg.WithURL(…)`.
    const name = isId(toks[x.from]) && isP(toks[x.from + 1], '.') ? x.from + 2 : x.from;
    const tk = toks[name];
    if (x.key || !isId(tk) || !tk.v.startsWith('With') || !isP(toks[name + 1], '(') || match[name + 1] !== x.to - 1) return undefined;
    const what = Object.hasOwn(SETS, tk.v.slice(4).toLowerCase()) ? SETS[tk.v.slice(4).toLowerCase()] : undefined;
    if (what && x.to - 1 > name + 2) out[what] = { from: name + 2, to: x.to - 1 };
  }
  return out.url ? (out as { url: Arg; method?: Arg; body?: Arg }) : undefined;
}

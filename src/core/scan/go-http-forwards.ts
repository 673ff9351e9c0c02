// Go dispatchers that take the request as one struct, or hand it on (go-http-wrappers.ts judges the functions):
// `func createRequest(r Request) (*http.Request, error) { j, _ := json.Marshal(r.Payload); return http.NewRequest(r.Type,
// r.Url, bytes.NewBuffer(j)) }` sends the fields of its parameter, and `func (c Client) DispatchRequest(r Request, t any)`
// that calls `createRequest(r)` sends what its own parameter holds (RylanGotto/tonic openai/client.go; a forwarder
// `Post(path, body)` calling `c.do("POST", path, body)` is the same). At a call, the field is read where the caller
// writes the struct: `r := Request{Type: http.MethodPost, Url: ChatCompletionUrl, Payload: p}; c.DispatchRequest(r, …)`.
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import { evaluate } from './evaluate';
import type { Fn } from './function-forms';
import type { Arg } from './http-go';
import type { Wrapper } from './http-wrappers';
import type { EvalScope } from './value';

/** Tokens before a composite literal's brace: `Request{`, `&api.Request{`. */
const MAX_TYPE = 6;

/** Where an argument comes from: parameter `i` (-1: none), or its field `field` (`r.Url`). */
export interface Place {
  i: number;
  field?: string;
}

/** `name` or `name.Field` at toks[from, to) with `name` a parameter. */
export function paramPlace(s: EvalScope, names: string[], from: number, to: number): Place {
  const { toks } = s;
  if (!isId(toks[from]) || !names.includes(toks[from].v)) return { i: -1 };
  if (to === from + 1) return { i: names.indexOf(toks[from].v) };
  if (to === from + 3 && isP(toks[from + 1], '.') && isId(toks[from + 2])) return { i: names.indexOf(toks[from].v), field: toks[from + 2].v };
  return { i: -1 };
}

/** What a function sends by calling a dispatcher (`lookup` finds one by the called name) with its own parameters. */
export function forwardOf(s: EvalScope, fn: Fn, names: string[], lookup: (name: string, at: number) => Wrapper | undefined): Wrapper | undefined {
  const { toks, match } = s;
  for (let k = fn.body; k < fn.bodyEnd; k++) {
    if (!isP(toks[k], '(') || !isId(toks[k - 1]) || match[k] < k || toks[k - 1].v === 'func') continue;
    const w = lookup(toks[k - 1].v, k - 1);
    if (!w) continue;
    const byPlace = args(s, k, match[k]).filter((a) => !a.key);
    const url = handed(s, names, byPlace[w.url], w.urlField);
    const body = handed(s, names, byPlace[w.body], w.bodyField);
    if (!url || !body || url.i < 0 || body.i < 0 || (url.i === body.i && url.field === body.field)) continue;
    const out: Wrapper = { url: url.i, body: body.i, ...(url.field ? { urlField: url.field } : {}), ...(body.field ? { bodyField: body.field } : {}) };
    if (w.base !== undefined) out.base = w.base;
    if (w.method !== undefined) {
      const m = byPlace[w.method];
      const mp = m && handed(s, names, m, w.methodField);
      if (mp && mp.i >= 0) {
        out.method = mp.i;
        if (mp.field) out.methodField = mp.field;
      } else {
        // `c.do("GET", path, nil)`: a method written here; sends no request body unless it is POST.
        const v = m && !w.methodField ? evaluate(s, m.from, m.to) : undefined;
        if (v?.str !== undefined && v.str.toUpperCase() !== 'POST') continue;
      }
    }
    return out;
  }
  return undefined;
}

/** A parameter the argument hands on: `r` (to a dispatcher reading its field: the same field), or `r.Url`. */
function handed(s: EvalScope, names: string[], a: Arg | undefined, field: string | undefined): Place | undefined {
  if (!a) return undefined;
  const p = paramPlace(s, names, a.from, a.to);
  if (field === undefined) return p;
  return p.field === undefined && p.i >= 0 ? { i: p.i, field } : undefined;
}

/** The value of `field` in the struct literal toks[from, to) (`Request{Url: u, Payload: p}`, `&Request{…}`). */
export function fieldArg(s: EvalScope, from: number, to: number, field: string): Arg | undefined {
  const { toks, match } = s;
  let open = -1;
  for (let j = from; j < to && j < from + MAX_TYPE; j++) {
    if (isP(toks[j], '{')) {
      open = j;
      break;
    }
    if (!(isId(toks[j]) || isP(toks[j], '.') || (j === from && isP(toks[j], '&')))) return undefined;
  }
  if (open < 0 || match[open] !== to - 1) return undefined;
  const entry = args(s, open, match[open]).find((a) => a.key === field);
  return entry && entry.from < entry.to ? { from: entry.from, to: entry.to } : undefined;
}

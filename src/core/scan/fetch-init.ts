// A fetch's init object that writes no `body` of its own but spreads another in: a retry helper's
// `fetch` of `url, { ...init, signal: controller.signal }` (innovatorved/realtime-interview-copilot
// realtime-worker-api/src/lib/fetch-retry.ts, held65). The request is the spread object's `body`: read where that
// object is a literal of the file (`const base = { method: 'POST', body: … }`), else known only at run time — the
// limit then is run time, never "none" (no "Set maxOutputTokens" where the caller sets it). A helper taking the init
// object as a parameter (`fetchWithRetry(url, init, opts)`, or a `fetch` of `url, init`) is a sender (http-wrappers.ts): each
// call of it is the row, its request the `body` of the init object the caller passes. MDN RequestInit: `body` is the
// request's body (https://developer.mozilla.org/en-US/docs/Web/API/RequestInit#body); an object spread copies the
// spread object's own properties (ECMA-262 CopyDataProperties).
import { isId, isP } from '../lex/brackets';
import { args } from './calls';
import type { EvalScope } from './value';
import type { Ctx } from './values';
import { FETCH_BODY, keyValue, literalAt } from './http-calls';

/** What a fetch's init object sends: the range of its body, or the object it spreads in, known only at run time. */
export interface InitRequest {
  range?: [number, number];
  opaque?: { label: string; start: number; end: number };
}

/** The last top-level `...X` of the object literal at toks[o], as X's [from, to). */
function spreadIn(s: EvalScope, o: number): [number, number] | undefined {
  let out: [number, number] | undefined;
  for (const a of args(s, o, s.match[o])) if (a.key === undefined && isP(s.toks[a.from], '...') && a.to > a.from + 1) out = [a.from + 1, a.to];
  return out;
}

/** The request the init object literal at toks[lit] sends: its `body`, else the body of the object it spreads in. */
export function initRequest(c: Ctx, lit: number, first: number): InitRequest {
  const own = keyValue(c, lit, FETCH_BODY);
  if (own) return { range: own };
  const sp = spreadIn(c, lit);
  if (!sp) return {};
  const held = literalAt(c, sp[0], sp[1], first);
  if (held >= 0) return { range: keyValue(c, held, FETCH_BODY) };
  return { opaque: opaqueAt(c, sp[0], sp[1]) };
}

/** The request of the init object [from, to) a caller passes to a sender taking one (Wrapper.init). */
export function passedInit(c: Ctx, from: number, to: number, first: number): InitRequest {
  const lit = literalAt(c, from, to, first);
  return lit >= 0 ? initRequest(c, lit, first) : { opaque: opaqueAt(c, from, to) };
}

function opaqueAt(c: Ctx, from: number, to: number): InitRequest['opaque'] {
  const { toks } = c;
  return { label: `${c.text.slice(toks[from].start, toks[to - 1].end)} (request built at run time)`, start: toks[from].start, end: toks[to - 1].end };
}

/** The parameter a fetch's init argument [from, to) is, or spreads in (`init`, `{ ...init, signal }`); -1 when none. */
export function initParam(s: EvalScope, from: number, to: number, param: (from: number, to: number) => number): number {
  const { toks, match } = s;
  if (to === from + 1) return isId(toks[from]) ? param(from, to) : -1;
  if (!isP(toks[from], '{') || match[from] !== to - 1 || keyValue(s as Ctx, from, FETCH_BODY)) return -1;
  const sp = spreadIn(s, from);
  return sp ? param(sp[0], sp[1]) : -1;
}

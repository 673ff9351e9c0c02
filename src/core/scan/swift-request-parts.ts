// The parts of a Swift request read by http-swift.ts and http-swift-alamofire.ts: its URL (`URL(string: "…")!` or a
// name bound to one) and its body (a dictionary literal or an Encodable's initialiser, or a name bound to one).
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import { args } from './calls';
import { assignmentBefore } from './definitions';
import { exprEnd } from './scope';
import { urlOf, type Url } from './http-urls';
import type { Ctx } from './values';

/** Names followed from a body or a URL back to their value. */
const MAX_STEPS = 4;

/** The URL text of U: `URL(string: S)!`, a name bound to one (`let url = URL(string: …)!`, `guard let url = URL(…)
 * else`), an optional's `!`; null when none is found (a parameter). */
export function swiftUrl(c: Ctx, open: number, from: number, to: number, first: number): Url | null {
  const { toks, match } = c;
  let [a, e] = [from, to];
  for (let n = 0; n < MAX_STEPS; n++) {
    if (isP(toks[e - 1], '!') || isP(toks[e - 1], '?')) e--;
    if (toks[a].v === 'URL' && isP(toks[a + 1], '(') && match[a + 1] === e - 1) {
      const s = args(c, a + 1, e - 1).find((x) => x.key === 'string');
      return s && s.from < s.to ? urlOf(c, open, s.from, s.to, first) : null;
    }
    if (e !== a + 1 || !isId(toks[a])) return null;
    const def = assignmentBefore(c, toks[a].v, a);
    if (def < 0) return null;
    [a, e] = [def, exprEnd(c, def)];
    // `guard let url = URL(string: …) else { … }`: the value ends before `else`.
    for (let k = a; k < e; k++) if (toks[k].v === 'else' && toks[k].t === T.Id) e = k;
    if (isP(toks[e - 1], ';')) e--;
    if (e === a + 1 && toks[a].t === T.Str) return urlOf(c, open, a, e, first);
  }
  return null;
}

/** The value serialised: a dictionary literal or a struct's initialiser, written here or bound to the name. */
export function bodyValue(c: Ctx, from: number, to: number, before: number): [number, number] {
  const { toks } = c;
  let [a, e] = [from, to];
  for (let n = 0; n < MAX_STEPS && e === a + 1 && isId(toks[a]); n++) {
    const def = assignmentBefore(c, toks[a].v, before);
    if (def < 0) break;
    [a, e] = [def, exprEnd(c, def)];
    if (isP(toks[e - 1], ';')) e--;
  }
  return [a, e];
}

// A function of the app that hands its parameter to encoding/json and returns the bytes: `func ToJson(data interface{})
// ([]byte, error) { jsonData, err := json.Marshal(data); if err != nil { …; return nil, err }; return jsonData, nil }`
// (held51 C1/C2, devlucassantos/vnc-summarizer src/utils/converters/converters.go, called as `requestBody, err :=
// converters.ToJson(body)` before `http.NewRequest("POST", …, bytes.NewBuffer(requestBody))`). The body is its argument,
// as for json.Marshal itself (http-go.ts PASS); before, the request was "built at run time" (limit run time, where the
// struct it sends has no limit field at all).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { exprEnd, tables, type Fn } from './scope';
import { imported } from './imported';
import { goPackageFunction } from './go-decls';
import type { EvalScope } from './value';
import type { Ctx } from './values';

/** The `(` of a call at toks[a, e) (`pkg.F(x)`, `F(x)`) of such a function of the workspace, or -1. */
export function marshalWrapperAt(c: Ctx, a: number, e: number): number {
  const { toks, match } = c;
  const qualified = isId(toks[a]) && isP(toks[a + 1], '.') && isId(toks[a + 2]);
  const n = qualified ? a + 2 : a;
  if (!isId(toks[n]) || !isP(toks[n + 1], '(') || match[n + 1] !== e - 1 || toks[a].v === 'json') return -1;
  const name = toks[n].v;
  let scopes: EvalScope[] = [];
  if (qualified) {
    const m = imported(c, toks[a].v, 1);
    scopes = m?.obj?.kind === 'module' ? m.obj.scopes.slice(0, 16) : [];
  } else if (tables(c).fns.has(name)) scopes = [c];
  else {
    const other = goPackageFunction(c, name);
    if (other) scopes = [other.scope];
  }
  for (const s of scopes) {
    const f = tables(s).fns.get(name)?.find((x) => s.toks[x.name - 1]?.v === 'func');
    if (f && marshals(s, f)) return n + 1;
  }
  return -1;
}

/** Does `f` (one parameter) return json.Marshal of that parameter: directly, or through the local it assigns it to,
 * every other return giving nil? */
function marshals(s: EvalScope, f: Fn): boolean {
  const { toks, match } = s;
  const open = f.name + 1;
  if (!isP(toks[open], '(') || !(match[open] > open) || !isId(toks[open + 1])) return false;
  const param = toks[open + 1].v;
  // One parameter: `(data interface{})`, `(v any)`.
  for (let k = open + 2; k < match[open]; k++) if (isP(toks[k], ',')) return false;
  let local: string | undefined;
  let direct = false;
  for (let k = f.body; k + 4 < f.bodyEnd; k++) {
    if (toks[k].v !== 'json' || !isP(toks[k + 1], '.') || !/^Marshal(?:Indent)?$/.test(toks[k + 2].v) || !isP(toks[k + 3], '(') || toks[k + 4].v !== param) continue;
    if (!isP(toks[k + 5], ')') && !isP(toks[k + 5], ',')) continue;
    if (toks[k - 1]?.v === 'return') direct = true;
    // `jsonData, err := json.Marshal(data)`, `b := json.Marshal…`: the first name assigned.
    else if ((isP(toks[k - 1], ':=') || isP(toks[k - 1], '=')) && isId(toks[k - 2])) local = isP(toks[k - 3], ',') && isId(toks[k - 4]) ? toks[k - 4].v : toks[k - 2].v;
  }
  if (!direct && !local) return false;
  // Every `return`: the marshalled bytes, the local holding them (or `string(local)`), or nil on an error path.
  let returns = 0;
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (toks[k].v !== 'return' || !isId(toks[k])) continue;
    returns++;
    const v = toks[k + 1]?.v;
    const end = exprEnd(s, k + 1);
    const ok = v === 'nil' || (toks[k + 1]?.t === T.Str && v === '') || (v === 'json' && direct) || (local !== undefined && (v === local || (v === 'string' && toks[k + 3]?.v === local)));
    if (!ok || end <= k + 1) return false;
  }
  return returns > 0;
}

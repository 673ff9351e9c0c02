// `arguments = dict(temperature=0.7, messages=[…])`, then `arguments["model"] = model`, then `create(**arguments)`
// (gpt-code-ui's webapp/main.py): the model set by subscript with a literal key. Read only when every change of the
// variable between its definition and the call is such a subscript assignment; anything else (`.update(…)`,
// `arguments[key] = …`) leaves the request to be named as built at run time.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { readModel, type Ctx } from './values';
import { exprEnd } from './scope';
import type { Request } from './request-defs';
import { MAX_CHANGE_SEARCH } from './request-defs';

/** The request with the model a later `NAME["model"] = …` sets before the call (token `callStart`), or undefined. */
export function keyedModel(c: Ctx, name: string, req: Request, callStart: number): Request | undefined {
  if (c.syn.id !== 'python') return undefined;
  const { toks } = c;
  let model: Request['found']['model'];
  let at = -1;
  for (let k = req.end + 1; k < callStart && k < toks.length && k < req.end + MAX_CHANGE_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    if (!(isP(toks[k + 1], '.') || isP(toks[k + 1], '['))) continue;
    // Only `NAME["key"] = value`.
    if (!isP(toks[k + 1], '[') || toks[k + 2]?.t !== T.Str || !isP(toks[k + 3], ']') || !isP(toks[k + 4], '=')) return undefined;
    if (toks[k + 2].v !== 'model') continue;
    const e = exprEnd(c, k + 5);
    const m = readModel(c, k + 5, e);
    if (!m) return undefined;
    model = m;
    at = k + 2;
  }
  if (!model) return undefined;
  c.read?.push({ start: toks[at].start, end: toks[at].end });
  return { ...req, found: { ...req.found, model, modelKeyIdx: at } };
}

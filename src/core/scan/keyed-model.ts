// `arguments = dict(temperature=0.7, messages=[…])`, then `arguments["model"] = model`, then `create(**arguments)`
// (gpt-code-ui's webapp/main.py): the model set by subscript with a literal key. Read only when every change of the
// variable between its definition and the call is such a subscript assignment; anything else (`.update(…)`,
// `arguments[key] = …`) leaves the request to be named as built at run time.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { readModel, type Ctx } from './values';
import { exprEnd } from './scope';
import type { Request } from './request-defs';
import { readKey, type Found } from './keys';
import { LIMIT_KEYS, normKey } from './call-keys';
import { MAX_CHANGE_SEARCH } from './request-defs';

/**
 * The request with what later `NAME["key"] = …` assignments set before the call (token `callStart`): the model, and
 * any other key read as the key walk reads it (`kwargs["messages"] = [...]`, held-out 22: a review action's messages
 * set by key after `kwargs = {"model": …}` were not counted, and the request read as fully known). Undefined when
 * there is none, or a change of another form.
 */
export function keyedModel(c: Ctx, name: string, req: Request, callStart: number): Request | undefined {
  if (c.syn.id !== 'python') return undefined;
  const { toks } = c;
  let found: Found | undefined;
  for (let k = req.end + 1; k < callStart && k < toks.length && k < req.end + MAX_CHANGE_SEARCH; k++) {
    if (!isId(toks[k]) || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    if (!(isP(toks[k + 1], '.') || isP(toks[k + 1], '['))) continue;
    // Only `NAME["key"] = value`.
    if (!isP(toks[k + 1], '[') || toks[k + 2]?.t !== T.Str || !isP(toks[k + 3], ']') || !isP(toks[k + 4], '=')) return undefined;
    const e = exprEnd(c, k + 5);
    found ??= { ...req.found, parts: [...req.found.parts], extras: req.found.extras && [...req.found.extras], uses: req.found.uses && new Set(req.found.uses) };
    c.read?.push({ start: toks[k + 2].start, end: toks[Math.max(k + 2, e - 1)].end });
    if (toks[k + 2].v !== 'model') {
      // A limit set so, maybe in a branch, is limits-set-later.ts's to read.
      if (!LIMIT_KEYS.has(normKey(toks[k + 2].v))) readKey(c, found, k + 2, k + 5, e);
      continue;
    }
    const m = readModel(c, k + 5, e);
    if (!m) return undefined;
    found.model = m;
    found.modelKeyIdx = k + 2;
  }
  return found ? { ...req, found } : undefined;
}

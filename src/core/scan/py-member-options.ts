// Options a Python object keeps in a dict it sets in its constructor and spreads into every request:
//     def __init__(self, model, …):
//         self.model = model
//         self.openai_kwargs = {'model': self.model}
//         if openai.api_type == "azure":
//             self.openai_kwargs = {'engine': self.model}
//     …
//     openai.ChatCompletion.create(messages=…, **self.openai_kwargs)
// (jiangjunjie/ChatGPT-Reviewer app/completion.py, held-out sample 22). The constructor's unconditional dict is what is
// sent unless an `if` below it sets another; one that names no model, or the same expression under another key (the
// Azure deployment's `engine`, openai-python v0.28 engine_api_resource.py), leaves the unconditional one's model. A dict changed in place
// (`self.kw["model"] = …`, `.update(…)`), set in another method, or holding a `**` spread is left to run time.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { SELF } from './value';
import type { Ctx } from './values';
import type { Found } from './keys';
import { tables } from './scope';
import { requestAt } from './request-defs';
import { indentAt } from './body-ends';
import { pyClassOf } from './py-constructors';

/** Constructor assignments of one member read at most. */
const MAX_SETS = 4;
/** Methods that change a dict in place. */
const MUTATORS = new Set(['update', 'pop', 'popitem', 'setdefault', 'clear', '__setitem__']);

/** The request keys of the dict `self.NAME` (its receiver at token `k`) holds, as its class's constructor sets it. */
export function memberOptions(c: Ctx, k: number): Found | undefined {
  const { toks, text } = c;
  if (c.syn.id !== 'python' || !SELF.has(toks[k]?.v) || !isP(toks[k + 1], '.') || !isId(toks[k + 2])) return undefined;
  const name = toks[k + 2].v;
  c.readNames?.add(name).add('__init__');
  const list = tables(c).binds.get('.' + name);
  if (!list?.length || list.length > MAX_SETS) return undefined;
  const init = (tables(c).fns.get('__init__') ?? []).find((f) => f.body <= list[0].name && list[0].name < f.bodyEnd);
  // Every assignment in one constructor, whose class holds the use.
  if (!init || list.some((b) => b.name < init.body || b.name >= init.bodyEnd || b.value < 0)) return undefined;
  const cls = pyClassOf(c, init.name);
  if (!cls || cls !== enclosingClassName(c, k)) return undefined;
  const indent = (b: { name: number }) => indentAt(text, text.lastIndexOf('\n', toks[b.name].start) + 1);
  const [first, ...arms] = list;
  // The first at the constructor's own level; the others inside blocks below it (an `if` arm).
  if (arms.some((b) => indent(b) <= indent(first))) return undefined;
  const reqs = list.map((b) => dictRequest(c, b.value));
  if (reqs.some((r) => !r) || arms.some((_, n) => !sameModel(reqs[0]!.found, reqs[n + 1]!.found)) || mutated(c, name, init.body, init.bodyEnd)) return undefined;
  c.read?.push({ start: toks[init.body].start, end: toks[init.bodyEnd - 1].end });
  return reqs[0]!.found;
}

/** An arm's dict names no model, or the same expression as the first (`'engine': self.model`, an Azure deployment). */
function sameModel(first: Found, arm: Found): boolean {
  return !arm.model || (arm.modelExpr !== undefined && arm.modelExpr === first.modelExpr);
}

/** The request a dict literal (`{…}`, `dict(…)`) at token `v` holds, when it spreads nothing. */
function dictRequest(c: Ctx, v: number): ReturnType<typeof requestAt> {
  const { toks, match } = c;
  const open = isP(toks[v], '{') ? v : toks[v].v === 'dict' && isP(toks[v + 1], '(') ? v + 1 : -1;
  if (open < 0 || !(match[open] > open)) return undefined;
  for (let j = open + 1; j < match[open]; j++) if (toks[j].t === T.Punct && (toks[j].v === '**' || toks[j].v === '*')) return undefined;
  const req = requestAt(c, v);
  return req && req.end === match[open] ? req : undefined;
}

/** The class of the method whose body holds token `k`. */
function enclosingClassName(c: Ctx, k: number): string | undefined {
  let own: { name: number; body: number; bodyEnd: number } | undefined;
  for (const list of tables(c).fns.values()) for (const f of list) if (f.body <= k && k < f.bodyEnd && (!own || f.body > own.body)) own = f;
  return own ? pyClassOf(c, own.name) : undefined;
}

/** `self.NAME[…] = …`, `self.NAME.update(…)`, `self.NAME |= …` anywhere, or `self.NAME = …` outside the constructor. */
function mutated(c: Ctx, name: string, from: number, to: number): boolean {
  const { toks, match } = c;
  for (let j = 2; j + 1 < toks.length; j++) {
    if (toks[j].v !== name || !isP(toks[j - 1], '.') || !isId(toks[j])) continue;
    const n = toks[j + 1];
    if (isP(n, '=') && (j < from || j >= to)) return true;
    if (n.t === T.Punct && /^[|+]=$/.test(n.v)) return true;
    if (isP(n, '[') && match[j + 1] > j && isP(toks[match[j + 1] + 1], '=')) return true;
    if (isP(n, '.') && MUTATORS.has(toks[j + 2]?.v)) return true;
  }
  return false;
}

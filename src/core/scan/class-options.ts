// Options a Python class states once for every request it sends: a class attribute holding a dict literal
// (`default_options: ClassVar[dict] = {"model": "gpt-4o-mini"}`, plain `default_options = {…}`, or a dataclass /
// pydantic field whose default is one) merged into the request (`{**self.default_options, **options}`,
// `create(**self.default_options, messages=…)`). What it holds is a stated default, like `os.getenv("MODEL", "x")`'s:
// what is merged after it at run time, or a subclass's own attribute, may replace it (yihong0618/xiaogpt
// xiaogpt/bot/chatgptapi_bot.py, glm_bot.py, ppio_bot.py).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { SELF, type EvalScope } from './value';
import type { Ctx } from './values';
import type { Found } from './keys';
import { requestAt } from './request-defs';
import { firstOnLine, indentAt, pyBlockEnd } from './body-ends';

/** Tokens walked back from a use to the header of the class it is in. */
const MAX_CLASS_WALK = 20000;
/** Tokens of a field's default read for its dict (`Field(default_factory=lambda: {…})`). */
const MAX_FIELD_ARGS = 16;
/** Methods that change a dict in place. */
const MUTATORS = new Set(['update', 'pop', 'popitem', 'setdefault', 'clear', '__setitem__']);

/**
 * The keys of the class attribute that `**self.NAME` / `**cls.NAME` / `**Class.NAME` (its receiver at token `k`)
 * spreads, with the model and the limit named as the class's defaults; `later` names what is merged after it at run
 * time. Undefined when it is no dict literal of this file's class, or the class (or the file, through the class's
 * name) changes it.
 */
export function classOptions(c: Ctx, k: number, later: string[]): Found | undefined {
  const { toks } = c;
  if (c.syn.id !== 'python' || !isId(toks[k]) || !isP(toks[k + 1], '.') || !isId(toks[k + 2])) return undefined;
  const name = toks[k + 2].v;
  c.readNames?.add(name);
  const cls = SELF.has(toks[k].v) ? enclosingClass(c, k) : /^[A-Z]/.test(toks[k].v) ? namedClass(c, toks[k].v) : -1;
  if (cls < 0) return undefined;
  const value = classAttribute(c, cls, name);
  if (value < 0 || changed(c, cls, name)) return undefined;
  const open = isP(toks[value], '{') ? value : toks[value].v === 'dict' && isP(toks[value + 1], '(') ? value + 1 : -1;
  if (open < 0 || !(c.match[open] > open)) return undefined;
  for (let j = open + 1; j < c.match[open]; j++) if (toks[j].t === T.Punct && toks[j].v === '**') return undefined;
  const req = requestAt(c, value);
  if (!req || req.end !== c.match[open]) return undefined;
  // Which class holds the call, its attribute and whether the class changes it: an edit anywhere in the class
  // concerns the call (the keystroke path keeps the span live).
  const body = classBody(c, cls);
  const end = body < toks.length ? pyBlockEnd(c, body, cls) : toks.length;
  c.read?.push({ start: toks[Math.min(cls, k)].start, end: toks[Math.max(end, k + 3) - 1].end });
  const where = `${toks[cls + 1].v}.${name}`;
  const others = `a subclass or instance with its own ${name}`;
  const may = later.length ? `${later.join(', ')} merged at run time, or ${others}, may replace it` : `${others} may replace it`;
  const found: Found = { ...req.found, parts: [...req.found.parts] };
  const m = req.found.model;
  const key = req.found.modelKeyIdx !== undefined ? toks[req.found.modelKeyIdx].v : 'model';
  if (m && 'ref' in m) found.model = { ref: { ...m.ref, kind: 'constant', source: { offset: m.ref.span.start, what: `default of "${key}" in ${where} (${may})` } } };
  else found.model = undefined;
  const lim = req.found.limit;
  if (lim) found.limit = { ...lim, source: lim.source ?? { offset: lim.span.start, what: `default of "${lim.key}" in ${where} (${may})` } };
  return found;
}

/** The `class` token of the class whose body holds token `k`, or -1. */
function enclosingClass(c: Ctx, k: number): number {
  const { toks, text } = c;
  let col = column(text, toks[k].start);
  for (let j = k - 1, n = 0; j >= 0 && n < MAX_CLASS_WALK; j--, n++) {
    if (!firstOnLine(text, toks[j].start)) continue;
    const cj = column(text, toks[j].start);
    if (cj >= col) continue;
    col = cj;
    if (toks[j].t === T.Id && toks[j].v === 'class' && isId(toks[j + 1])) return j;
    // `@dataclasses.dataclass` and other decorators sit at the class's own indentation: walked past.
    if (col === 0) return -1;
  }
  return -1;
}

/** The `class` token of the file's class called `name` (the first), or -1. */
export function namedClass(c: EvalScope, name: string): number {
  const { toks, text } = c;
  for (let j = 0; j + 1 < toks.length; j++) if (toks[j].v === 'class' && toks[j].t === T.Id && toks[j + 1].v === name && firstOnLine(text, toks[j].start)) return j;
  return -1;
}

/**
 * First value token of `name = …` / `name: Type = …` written in the class body's own block (not in a method), or
 * -1; for a field default (`field(default_factory=lambda: {…})`, `Field(default={…})`) the dict's first token.
 */
export function classAttribute(c: EvalScope, cls: number, name: string): number {
  const { toks, text, match } = c;
  const body = classBody(c, cls);
  if (body >= toks.length) return -1;
  const end = pyBlockEnd(c, body, cls);
  const indent = indentAt(text, text.lastIndexOf('\n', toks[body].start) + 1);
  for (let j = body; j < end; j++) {
    if (toks[j].v !== name || !isId(toks[j]) || !firstOnLine(text, toks[j].start) || column(text, toks[j].start) !== indent) continue;
    let e = j + 1;
    // `name: ClassVar[dict[str, str]] = …`: the annotation is passed over.
    if (isP(toks[e], ':')) for (e++; e < end && !isP(toks[e], '=') && !firstOnLine(text, toks[e].start); e++) if (match[e] > e) e = match[e];
    if (!isP(toks[e], '=') || e + 1 >= end) return -1;
    return fieldDict(c, e + 1);
  }
  return -1;
}

/** The first token of the body of the class whose `class` token is `cls`: after the header's `:`. */
function classBody(c: EvalScope, cls: number): number {
  const { toks, match } = c;
  let k = cls + 2;
  while (k < toks.length && !isP(toks[k], ':')) k = isP(toks[k], '(') && match[k] > k ? match[k] + 1 : k + 1;
  return k + 1;
}

/** `field(default_factory=lambda: {…})` / `Field(default={…})` → the dict's first token; any other value itself. */
function fieldDict(c: EvalScope, v: number): number {
  const { toks, match } = c;
  if (!(isId(toks[v]) && /^(field|Field)$/.test(toks[v].v) && isP(toks[v + 1], '(') && match[v + 1] > v)) return v;
  for (let j = v + 2; j < match[v + 1] && j < v + MAX_FIELD_ARGS; j++) {
    if (!/^(default|default_factory)$/.test(toks[j].v) || !isP(toks[j + 1], '=')) continue;
    let d = j + 2;
    if (toks[d]?.v === 'lambda' && isP(toks[d + 1], ':')) d += 2;
    return d;
  }
  return -1;
}

/**
 * The class assigns the attribute again (`self.NAME = …`, `self.NAME["model"] = …`) or changes it in place, or the
 * file does so through the class's name (`Class.NAME[…] = …`).
 */
function changed(c: Ctx, cls: number, name: string): boolean {
  const { toks, match } = c;
  const body = classBody(c, cls);
  const end = body < toks.length ? pyBlockEnd(c, body, cls) : toks.length;
  for (let j = 2; j + 1 < toks.length; j++) {
    if (toks[j].v !== name || !isP(toks[j - 1], '.') || !isId(toks[j])) continue;
    if (!(j > cls && j < end) && toks[j - 2].v !== toks[cls + 1].v) continue;
    const n = toks[j + 1];
    if (isP(n, '=') || (n.t === T.Punct && /^[|+]=$/.test(n.v))) return true;
    if (isP(n, '[') && match[j + 1] > j && isP(toks[match[j + 1] + 1], '=')) return true;
    if (isP(n, '.') && MUTATORS.has(toks[j + 2]?.v)) return true;
  }
  return false;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

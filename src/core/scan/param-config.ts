// A Python config object passed down as a parameter: `def generate(self, prompt, config):
// client.models.generate_content(model=M, contents=prompt, config=config)` whose callers pass a config built before
// the call, `config = gemini.generate_content_config(system_prompt=s, tools=[…])`, by a method of the same class (or a
// function) returning `types.GenerateContentConfig(system_instruction=system_prompt, tools=tools)`, or built right
// there (`cfg = types.GenerateContentConfig(…)`). Held-out 17 YounesBensafia/AgenticGemini core/client.py ←
// core/runner.py. Each caller's config is read where it is made, the helper's parameters bound to the caller's
// arguments (arg-frames.ts): its keys (system instruction, output limit) are the request's. Every caller must pass
// one that can be read, else the config stays run time: another caller's may set a limit. Of several, the one with
// the most known text gives the prompt, the largest limit is priced.
import { isId, isP } from '../lex/brackets';
import type { Found } from './keys';
import type { Ctx } from './values';
import type { EvalScope } from './value';
import { exprEnd, tables } from './scope';
import type { Fn } from './function-forms';
import { args } from './calls';
import { evaluate } from './evaluate';
import { assignmentBefore } from './definitions';
import { calledNames } from './names-followed';
import { importedBinding, importedFunction, importsOf } from './imported';
import { pythonModules } from '../resolve/modules';
import { importers, isModuleCall, isPlainCall } from './js-callers';
import { pyPublic } from './list-callers';
import { methodCallers } from './method-callers';
import { pyClassOf, pyConstructorClass, pyPublicClass } from './py-constructors';
import { classOf } from './instance-made';
import { enclosing, paramPlace, placed, returned } from './jvm-param-requests';
import { withArgs } from './arg-frames';
import { contextOf } from './imported-runnables';
import { pushParts } from './push-parts';

/** Callers read at most. */
const MAX_CALLERS = 8;

type Walk = (c: Ctx, f: Found, from: number, to: number) => void;
/** A config made at the bracket `open` of `ctx`, read under `frame` (a helper's parameters bound). */
type Box = { ctx: Ctx; open: number; fn?: Fn; call?: { sc: Ctx; open: number; self: boolean } };

let busy = 0;

/**
 * The config objects the callers of the function holding the parameter at `at` pass for it, walked into `f` (the one
 * with the most known text; the largest limit): true when every caller's could be read, else false and `f` untouched.
 */
export function paramConfig(c: Ctx, f: Found, at: number, walk: Walk): boolean {
  if (c.syn.id !== 'python' || !c.index || busy > 1) return false;
  const { toks } = c;
  const own = enclosing(c, at);
  const pname = toks[at].v;
  const pos = own ? paramPlace(c, own, pname) : -1;
  if (!own || pos < 0) return false;
  const calls = callersOf(c, own);
  if (!calls?.length || calls.length > MAX_CALLERS) return false;
  const read: Found[] = [];
  busy++;
  try {
    for (const { sc, k } of calls) {
      const box = passedBox(c, sc, k, pos, pname);
      if (!box) return false;
      const inner: Found = { parts: [], messages: 0 };
      const { ctx, open, fn, call } = box;
      const close = ctx.match[open];
      if (fn && call) {
        const list = args(call.sc, call.open, call.sc.match[call.open]);
        // A method's `self` is no argument of the call: a placeholder keeps the others in their places.
        const given = call.self ? [{ from: -1, to: -1 }, ...list] : list;
        const value = (n: number) => (given[n].from < 0 ? undefined : evaluate(call.sc, given[n].from, given[n].to, 1));
        withArgs(ctx, fn, { list: given, value, bind: true }, () => void walk(ctx, inner, open + 1, close));
      } else walk(ctx, inner, open + 1, close);
      const span = { start: toks[at].start, end: toks[at].end };
      const fname = pyConstructorClass(c, own.name) ?? toks[own.name].v;
      read.push(ctx.file === c.file ? inner : placed(inner, ctx.file, c.file, span, fname, `config passed to ${fname}()`));
    }
  } finally {
    busy--;
  }
  const known = (x: Found) => x.parts.reduce((n, p) => n + (p.resolved ? p.text.length : 0), 0);
  const best = read.reduce((a, b) => (known(b) > known(a) ? b : a));
  pushParts(f.parts, best.parts);
  f.messages += best.messages;
  for (const x of read) {
    if (x.limit && (!f.limit || x.limit.value > f.limit.value)) f.limit = x.limit;
    else if (!x.limit && x.limitUnresolved) f.limitUnresolved ??= x.limitUnresolved;
  }
  if (f.limit) f.limitUnresolved = undefined;
  return true;
}

/** The calls of the function `own`: a method's through objects of its class, a function's in its file and importers. */
function callersOf(c: Ctx, own: Fn): { sc: Ctx; k: number }[] | undefined {
  // A class's `__init__` is called as the class (`PageAssistant(generation_config=…)`), in its file and importers.
  const cls = pyConstructorClass(c, own.name);
  const name = cls ?? c.toks[own.name].v;
  if (!cls && pyClassOf(c, own.name)) {
    const m = methodCallers(c, own.name);
    return m ? m.map((x) => ({ sc: ctxOf(x.sc, c), k: x.k })) : undefined;
  }
  // `class AIModel():` is no call of it.
  const out = (calledNames(c.toks).get(name) ?? []).filter((k) => k !== own.name && isPlainCall(c, k) && c.toks[k - 1]?.v !== 'class').map((k) => ({ sc: c, k }));
  if (cls ? pyPublicClass(c, cls) : pyPublic(c, own.name, name)) {
    for (const o of importers(c, name)) {
      for (const k of calledNames(o.scope.toks).get(o.local) ?? []) if (o.via ? isModuleCall(o.scope, k, o.via) : isPlainCall(o.scope, k)) out.push({ sc: ctxOf(o.scope, c), k });
    }
  }
  return out;
}

function ctxOf(s: EvalScope, c: Ctx): Ctx {
  return s.file === c.file ? c : contextOf(s as Parameters<typeof contextOf>[0], c);
}

/** The config the call at `k` passes for the parameter (`pos`, `pname`): a name bound before the call to one. */
function passedBox(c: Ctx, sc: Ctx, k: number, pos: number, pname: string): Box | undefined {
  const t = sc.toks;
  if (!(sc.match[k + 1] > k)) return undefined;
  const list = args(sc, k + 1, sc.match[k + 1]);
  const arg = list.find((x) => x.key === pname) ?? (list[pos]?.key === undefined ? list[pos] : undefined);
  // A dict written in the call (`generation_config={"max_output_tokens": 2048}`).
  if (arg && isP(t[arg.from], '{') && sc.match[arg.from] === arg.to - 1) return { ctx: sc, open: arg.from };
  if (!arg || arg.to !== arg.from + 1 || !isId(t[arg.from])) return undefined;
  sc.read?.push({ start: t[k].start, end: t[sc.match[k + 1]].end });
  const def = assignmentBefore(sc, t[arg.from].v, k);
  // A dict or config another module binds the name to (`from config import *`: sky0walker99/Web-QueryAI src/app.py).
  if (def < 0) return importedBox(c, sc, t[arg.from].v);
  const open = isP(t[def], '{') && exprEnd(sc, def) === sc.match[def] + 1 ? def : made(sc, def);
  if (open >= 0) return { ctx: sc, open };
  // `gemini.generate_content_config(…)` / `make_config(…)`: the construction the helper returns.
  let m = def;
  let recv: string | undefined;
  if (isId(t[m]) && isP(t[m + 1], '.') && isId(t[m + 2])) [recv, m] = [t[m].v, m + 2];
  if (!isId(t[m]) || !isP(t[m + 1], '(') || exprEnd(sc, def) !== sc.match[m + 1] + 1) return undefined;
  const helper = helperFn(c, sc, recv, t[m].v, def);
  if (!helper) return undefined;
  const ret = returned(helper.ctx, helper.fn);
  const at = ret === undefined ? -1 : made(helper.ctx, ret);
  return at >= 0 ? { ctx: helper.ctx, open: at, fn: helper.fn, call: { sc, open: m + 1, self: !!recv } } : undefined;
}

/** The dict literal or config construction a module the caller imports (by name or `*`) binds `name` to. */
function importedBox(c: Ctx, sc: Ctx, name: string): Box | undefined {
  const other = importedBinding(sc, name, 0) ?? starBinding(sc, name, 0);
  if (!other) return undefined;
  const ctx = ctxOf(other.scope, c);
  const def = assignmentBefore(ctx, other.name, ctx.toks.length);
  if (def < 0) return undefined;
  const open = isP(ctx.toks[def], '{') && exprEnd(ctx, def) === ctx.match[def] + 1 ? def : made(ctx, def);
  return open >= 0 ? { ctx, open } : undefined;
}

/** A module reached through `from x import *` (and its own star imports, a package `__init__`'s) that binds `name`. */
function starBinding(s: EvalScope, name: string, depth: number): { scope: EvalScope; name: string } | undefined {
  const idx = s.index;
  if (!idx || depth > 3) return undefined;
  for (const from of importsOf(s).star) {
    // The nearest module of the name, then the one the app runs with (resolve/modules.ts pythonModules), as imported.ts.
    const first = idx.module(s.file, from, 'python');
    for (const path of [first, ...(from.startsWith('.') ? [] : pythonModules(idx.files, s.file, from))]) {
      const other = path && path !== s.file ? idx.scope(path) : undefined;
      if (!other) continue;
      if (tables(other).binds.has(name)) return { scope: other, name };
      const deeper = starBinding(other, name, depth + 1);
      if (deeper) return deeper;
    }
  }
  return undefined;
}

/** The helper a caller calls: `recv.m` a method of the class of `recv` (an object made in `sc`, or `self`), `m` a
 * function of `sc` or one it imports. */
function helperFn(c: Ctx, sc: Ctx, recv: string | undefined, m: string, before: number): { ctx: Ctx; fn: Fn } | undefined {
  if (recv === undefined) {
    const here = tables(sc).fns.get(m)?.at(-1);
    if (here) return { ctx: sc, fn: here };
    const other = importedFunction(sc, m, 0);
    const fn = other && tables(other.scope).fns.get(other.name)?.at(-1);
    return fn ? { ctx: ctxOf(other.scope, c), fn } : undefined;
  }
  const cls = recv === 'self' ? { scope: sc as EvalScope, name: pyClassOf(sc, before) } : classOf(sc, recv, before);
  if (!cls?.name) return undefined;
  const ctx = ctxOf(cls.scope, c);
  const fn = (tables(ctx).fns.get(m) ?? []).find((x) => pyClassOf(ctx, x.name) === cls.name);
  return fn ? { ctx, fn } : undefined;
}

/**
 * `types.GenerateContentConfig(system_instruction=…)` / `dict(…)` at `v`, all of its arguments named: its bracket, else -1
 * (config-names.ts reads the same form bound to a name in the call's own scope).
 */
export function made(c: Ctx, v: number): number {
  const { toks, match } = c;
  if (v < 0 || c.syn.id !== 'python') return -1;
  const dumped = dumpedDict(c, v);
  if (dumped >= 0) return dumped;
  let k = v;
  while (isId(toks[k]) && isP(toks[k + 1], '.')) k += 2;
  const open = k + 1;
  if (!isId(toks[k]) || !isP(toks[open], '(') || !(match[open] > open) || !(/^[A-Z]/.test(toks[k].v) || toks[k].v === 'dict')) return -1;
  if (exprEnd(c, v) !== match[open] + 1) return -1;
  for (let j = open + 1; j < match[open]; ) {
    if (!isId(toks[j]) || !isP(toks[j + 1], '=') || isP(toks[j + 2], '=')) return -1;
    let e = j + 2;
    while (e < match[open] && !isP(toks[e], ',')) e = (isP(toks[e], '(') || isP(toks[e], '[') || isP(toks[e], '{')) && match[e] > e ? match[e] + 1 : e + 1;
    j = e + 1;
  }
  return open;
}

/**
 * `json.dumps({…})`, maybe `.encode(…)` after it (a Bedrock InvokeModel body, boto3 `invoke_model(body=body)`): the
 * dict literal's `{`, whose keys are the request's (json.dumps keeps a dict's keys and values: docs.python.org/3/library/json.html).
 */
function dumpedDict(c: Ctx, v: number): number {
  const { toks, match } = c;
  if (toks[v]?.v !== 'json' || !isP(toks[v + 1], '.') || toks[v + 2]?.v !== 'dumps' || !isP(toks[v + 3], '(') || !isP(toks[v + 4], '{')) return -1;
  const close = match[v + 4];
  if (!(close > v + 4) || !(isP(toks[close + 1], ')') || isP(toks[close + 1], ','))) return -1;
  const end = match[v + 3];
  if (!(end > close)) return -1;
  let e = end + 1;
  // `.encode("utf-8")`: the bytes of the same text.
  if (isP(toks[e], '.') && toks[e + 1]?.v === 'encode' && isP(toks[e + 2], '(') && match[e + 2] > e + 2) e = match[e + 2] + 1;
  return exprEnd(c, v) === e ? v + 4 : -1;
}

/** Token `v` (what assignmentBefore found) lies in a Python function's parameter list (`config: T` is no assignment). */
export function isParam(c: Ctx, v: number): boolean {
  if (c.syn.id !== 'python') return false;
  const { toks, match } = c;
  for (const list of tables(c).fns.values()) for (const f of list) if (isP(toks[f.name + 1], '(') && v > f.name + 1 && v < match[f.name + 1]) return true;
  return false;
}

// A Python pass-through helper: `def _create(**kwargs): return client.chat.completions.create(**kwargs)` (held-out
// allgrit/medical_AI bot/bot.py `_create_chat_completion(**kwargs)`, its `create(**kwargs)` in a nested `call_chat()`),
// called as `_create(model=self.model, messages=messages)`. A `**kwargs` parameter is a dict of the keyword arguments
// no other parameter takes (https://docs.python.org/3/reference/compound_stmts.html#function-definitions: "If the form
// `**identifier` is present, it is initialized to a new ordered mapping receiving any excess keyword arguments"), so
// the request is what the callers write: its model, prompt and limit read where each caller is, in this module or (a
// public function) in the modules that import it. Callers all in view and none passing a limit key: no limit. A
// caller that passes its own `**kwargs` on is read through its callers (one level); one that spreads another dict
// of its own (`**opts`), or a body that adds to the dict (`kwargs["max_tokens"] = …`, `kwargs.update(…)`), leaves it
// unread. The same reading gives the limit of an options dict sent as it is (`"options": options`, kwargsLimit).
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { basename } from '../resolve/files';
import type { Ctx } from './values';
import { walkKeys, type Found } from './keys';
import { tables, type Fn } from './scope';
import { args } from './calls';
import { CALLERS } from './file-callers';
import { calledNames } from './names-followed';
import { placed } from './jvm-param-requests';
import { pyPublic } from './list-callers';
import { importers, isModuleCall, isPlainCall } from './js-callers';
import type { Request } from './request-defs';
import { assignmentBefore, assignmentsBefore } from './definitions';
import { isParam } from './param-config';
import { exprEnd } from './scope';
import { pushParts } from './push-parts';

/** Callers read at most; more leave the request to run time. */
const MAX_CALLERS = 8;

/** Methods of a dict that add keys to it. */
const ADDS = new Set(['update', 'setdefault', '__setitem__']);

/**
 * The request the callers of the function whose `**name` parameter is spread at toks[at] (`create(**kwargs)`) pass as
 * keyword arguments; undefined when it is not such a parameter, a caller is not read, or no caller is found.
 */
export function kwargsFromCallers(c: Ctx, at: number): Request | undefined {
  if (c.syn.id !== 'python' || !isP(c.toks[at - 1], '**')) return undefined;
  const { toks } = c;
  const passed = kwargsPassed(c, at, 0);
  if (!passed) return undefined;
  const best = passed.reads.reduce((a, b) => (b.n > a.n ? b : a));
  const here = { start: toks[at].start, end: toks[at].end };
  if (best.cc.file === c.file) return { found: best.found, start: best.k, end: best.cc.match[best.k + 1] };
  return { found: placed(best.found, best.cc.file, c.file, here, passed.name, `passed to ${passed.name}() in ${basename(best.cc.file)}`), start: at, end: at };
}

/**
 * A config dict that is the function's own `**name` parameter, sent as it is (`"options": ollama_options` in `def
 * chat(messages, model, **ollama_options)`, held-out 25 ollama-telegram-ai bot/ollama/api.py): the largest limit its
 * callers pass, or none when every caller is read and none passes one. True when every caller is read.
 */
export function kwargsLimit(c: Ctx, f: Found, at: number): boolean {
  if (c.syn.id !== 'python') return false;
  // A name assigned in the body is that value, not the parameter; one changed anywhere in the body is run time.
  const def = assignmentBefore(c, c.toks[at].v, at);
  if (def >= 0 && !isParam(c, def)) return false;
  const passed = kwargsPassed(c, at, 0, true);
  if (!passed) return false;
  const here = { start: c.toks[at].start, end: c.toks[at].end };
  for (const { found, cc } of passed.reads) {
    const x = cc.file === c.file ? found : placed(found, cc.file, c.file, here, passed.name, `passed to ${passed.name}() in ${basename(cc.file)}`);
    if (x.limit && (!f.limit || x.limit.value > f.limit.value)) f.limit = x.limit;
    else if (!x.limit && x.limitUnresolved) f.limitUnresolved ??= x.limitUnresolved;
  }
  if (f.limit) f.limitUnresolved = undefined;
  return true;
}

/** One caller's keyword arguments for a `**name` parameter: the request keys read, where, and their known text. */
type Passed = { found: Found; cc: Ctx; k: number; n: number };

/** Levels of `**kwargs` forwarded from caller to caller (`def a(**kw): b(**kw)`) followed at most. */
const MAX_FORWARD = 2;

/**
 * What each caller of the function whose `**name` parameter is used at toks[at] passes in it, and the function's name;
 * undefined when it is not such a parameter, the body adds to it, a caller is not read, or no caller is found.
 */
function kwargsPassed(c: Ctx, at: number, depth: number, whole = false): { name: string; reads: Passed[] } | undefined {
  const { toks } = c;
  const pname = toks[at].v;
  const own = kwargsOwner(c, at, pname);
  if (!own || addsTo(c, pname, own.fn.body, whole ? own.fn.bodyEnd : at)) return undefined;
  const name = toks[own.fn.name].v;
  c.readNames?.add(name);
  c.forward?.add(CALLERS + name);
  const defs = new Set((tables(c).fns.get(name) ?? []).map((f) => f.name));
  // `_create(…)` / `self._create(…)` of this module, outside the function's own body (a retry passing kwargs on).
  const mine = (calledNames(toks).get(name) ?? []).filter((k) => !defs.has(k) && !(k > own.fn.body && k < own.fn.bodyEnd) && ownCall(c, k));
  const reads: { cc: Ctx; k: number }[] = mine.map((k) => ({ cc: c, k }));
  if (pyPublic(c, own.fn.name, name)) {
    for (const o of importers(c, name)) {
      const oc: Ctx = { ...o.scope, shapeKeys: c.shapeKeys };
      for (const k of calledNames(oc.toks).get(o.local) ?? []) if (o.via ? isModuleCall(oc, k, o.via) : isPlainCall(oc, k)) reads.push({ cc: oc, k });
    }
  }
  if (!reads.length || reads.length > MAX_CALLERS) return undefined;
  const out: Passed[] = [];
  for (const { cc, k } of reads) {
    const found = callerRequest(cc, k, own.named, depth);
    if (!found) return undefined;
    out.push({ found, cc, k, n: found.parts.reduce((t, p) => t + (p.resolved ? p.text.length : 0), 0) });
  }
  return { name, reads: out };
}

/** The innermost function around toks[at] with a `**name` parameter (a nested function reads its outer one's), and
 * the names of its other parameters (a keyword argument naming one of them is no request key). */
function kwargsOwner(c: Ctx, at: number, pname: string): { fn: Fn; named: Set<string> } | undefined {
  const { toks, match } = c;
  let best: { fn: Fn; named: Set<string> } | undefined;
  for (const list of tables(c).fns.values()) {
    for (const fn of list) {
      if (!(fn.body <= at && at < fn.bodyEnd) || (best && fn.body < best.fn.body)) continue;
      const open = fn.params ?? fn.name + 1;
      if (!isP(toks[open], '(') || !(match[open] > open)) continue;
      const named = new Set<string>();
      let has = false;
      for (let k = open + 1; k < match[open]; k++) {
        if ((isP(toks[k], '(') || isP(toks[k], '[')) && match[k] > k) k = match[k];
        else if (isP(toks[k], '**') && toks[k + 1]?.v === pname) has = true;
        else if (isId(toks[k]) && (isP(toks[k - 1], '(') || isP(toks[k - 1], ',') || isP(toks[k - 1], '*'))) named.add(toks[k].v);
      }
      if (has) best = { fn, named };
    }
  }
  return best;
}

/** `name(` or `self.name(` at toks[k]: a call of the module's function or the class's own method. */
function ownCall(c: Ctx, k: number): boolean {
  const { toks } = c;
  if (!isP(toks[k + 1], '(')) return false;
  if (!isP(toks[k - 1], '.')) return isPlainCall(c, k);
  return isId(toks[k - 2]) && (toks[k - 2].v === 'self' || toks[k - 2].v === 'cls') && !isP(toks[k - 3], '.');
}

/** The body adds to the dict before the call: `kwargs["k"] = …`, `kwargs.update(…)`, `kwargs |= …`. */
function addsTo(c: Ctx, name: string, from: number, to: number): boolean {
  const { toks, match } = c;
  for (let k = from; k < to; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== name || isP(toks[k - 1], '.')) continue;
    const n = toks[k + 1];
    if (isP(n, '.') && ADDS.has(toks[k + 2]?.v)) return true;
    if (isP(n, '|=') || (isP(n, '[') && match[k + 1] > k && isP(toks[match[k + 1] + 1], '='))) return true;
  }
  return false;
}

/** The request keys one caller at toks[k] passes (those no named parameter takes); undefined when not all are read. */
function callerRequest(cc: Ctx, k: number, named: Set<string>, depth: number): Found | undefined {
  const close = cc.match[k + 1];
  if (!(close > k + 1)) return undefined;
  const found: Found = { parts: [], messages: 0 };
  for (const a of args(cc, k + 1, close)) {
    // `_create(**opts)`, `_create(*args)`: what it holds is not read here.
    if (a.key === undefined) {
      if (isP(cc.toks[a.from], '**') && (writtenSpread(cc, k, a.from + 1, a.to, found) || forwarded(cc, a.from + 1, a.to, found, depth))) continue;
      if (isP(cc.toks[a.from], '**') || isP(cc.toks[a.from], '*')) return undefined;
      continue;
    }
    if (named.has(a.key)) continue;
    walkKeys(cc, found, a.from - 2, a.to);
  }
  cc.read?.push({ start: cc.toks[k].start, end: cc.toks[close].end });
  return found;
}

/**
 * `_send(messages, model, **kw)` where `kw` is the caller's own `**kw` parameter (ollama-telegram-ai's
 * generate_chat_completion passing `**ollama_options` on to generate_raw_chat_completion): what its own callers pass,
 * read into `found` (the most known text; the largest limit). False when they cannot all be read.
 */
function forwarded(cc: Ctx, from: number, to: number, found: Found, depth: number): boolean {
  if (to !== from + 1 || !isId(cc.toks[from]) || depth + 1 >= MAX_FORWARD) return false;
  const passed = kwargsPassed(cc, from, depth + 1);
  if (!passed) return false;
  const here = { start: cc.toks[from].start, end: cc.toks[from].end };
  const reads = passed.reads.map((r) => (r.cc.file === cc.file ? r.found : placed(r.found, r.cc.file, cc.file, here, passed.name, `passed to ${passed.name}() in ${basename(r.cc.file)}`)));
  const best = reads[passed.reads.indexOf(passed.reads.reduce((a, b) => (b.n > a.n ? b : a)))];
  pushParts(found.parts, best.parts);
  found.messages += best.messages;
  found.model ??= best.model;
  for (const x of reads) {
    if (x.limit && (!found.limit || x.limit.value > found.limit.value)) found.limit = x.limit;
    else if (!x.limit && x.limitUnresolved) found.limitUnresolved ??= x.limitUnresolved;
  }
  if (found.limit) found.limitUnresolved = undefined;
  return true;
}

/**
 * `_send(model=…, **extra)` where each value the caller's `extra` can hold there is written before it (autocommit's
 * conversation.py: `tr_param = dict(tools=…, tool_choice=…)` or `tr_param = {}`): their keys are the caller's own, read
 * into `found`. False (nothing read) for any other value, one with a spread of its own, or a dict added to later.
 */
function writtenSpread(cc: Ctx, k: number, from: number, to: number, found: Found): boolean {
  const { toks, match } = cc;
  if (to !== from + 1 || !isId(toks[from])) return false;
  const defs = assignmentsBefore(cc, toks[from].v, k);
  if (!defs.length || addsTo(cc, toks[from].v, Math.min(...defs), k)) return false;
  const ranges: [number, number][] = [];
  for (const v of defs) {
    const dictCall = toks[v].v === 'dict' && isP(toks[v + 1], '(');
    const open = dictCall ? v + 1 : v;
    if (!(isP(toks[open], dictCall ? '(' : '{') && match[open] > open && exprEnd(cc, v) === match[open] + 1)) return false;
    const items = args(cc, open, match[open]);
    if (items.some((x) => isP(toks[x.from], '**') || (dictCall && x.key === undefined))) return false;
    ranges.push([open + 1, match[open]]);
  }
  for (const [a, b] of ranges) walkKeys(cc, found, a, b);
  return true;
}

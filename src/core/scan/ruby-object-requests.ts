// Ruby `client.chat(parameters: Prompts::Talk::Summary.new(talk: talk).to_params)` (adrienpoly/rubyvideo
// app/models/talk/agents.rb, with `class Summary < Prompts::Base` in app/models/prompts/talk/summary.rb and `def
// to_params; { model: model, response_format: response_format, messages: messages }; end` in app/models/prompts/base.rb):
// the request is the hash the object's method returns as its last expression (a Ruby method's value,
// https://docs.ruby-lang.org/en/3.3/syntax/methods_rdoc.html#label-Return+Values), read in the class's file or, for a
// method it inherits, in its parent's. A bare name in it (`messages`, then `system_message` and `prompt`) is a method
// of the object: Ruby looks it up from the object's class first (https://docs.ruby-lang.org/en/master/syntax/
// calling_methods_rdoc.html#label-Receiver), so the subclass's own `def prompt` is read before the parent's (which
// raises NotImplementedError). Before, the call had no row at all.
import { isId, isP } from '../lex/brackets';
import { T } from '../lex/lexer';
import type { PromptPart, Span } from '../types';
import { pushParts } from './push-parts';
import { walkKeys, type Found } from './keys';
import { lastStatement } from './body-ends';
import { classScopes } from './class-files';
import { railsAutoloadCandidates } from '../resolve/classes';
import { rubyClassHead } from './ruby-parent-attrs';
import { evaluate } from './evaluate';
import { helper } from './fn-values';
import { tables, type Fn } from './scope';
import { placed } from './jvm-param-requests';
import { assignmentBefore } from './definitions';
import { exprEnd } from './body-ends';
import type { EvalScope, Value } from './value';
import type { Ctx } from './values';
import type { Request } from './request-defs';

/** Parent classes followed up for the method, at most. */
const MAX_ANCESTORS = 3;

/** The object whose inherited method is being read: its class's file and name. */
const frames: { sub: EvalScope; cls: string }[] = [];

/** The request `Cls.new(…).m` / `Mod::Cls.new(…).m()` at toks[a, e) gives: the hash its method returns. */
export function rubyObjectRequest(c: Ctx, a: number, e: number): Request | undefined {
  const { toks, match } = c;
  if (c.syn.id !== 'ruby') return undefined;
  let m = e - 1;
  if (isP(toks[m], ')') && match[m] === m - 1) m -= 2;
  if (!isId(toks[m]) || !isP(toks[m - 1], '.')) return undefined;
  // `Cls.new(…)` before `.m`, or a local made so: `prompt = Prompts::Topic::SuggestGems.new(topics: topics)` then
  // `client.chat(parameters: prompt.to_params)` (rubyevents/rubyevents lib/tasks/topics.rake).
  const held = m - 2 === a && isId(toks[a]) && /^[a-z_]/.test(toks[a].v) ? assignmentBefore(c, toks[a].v, a) : -1;
  const [from, to] = held >= 0 ? [held, exprEnd(c, held)] : [a, m - 1];
  const close = to - 1;
  if (!isP(toks[close], ')') || !(match[close] > from)) return undefined;
  const open = match[close];
  if (toks[open - 1]?.v !== 'new' || !isP(toks[open - 2], '.') || !isId(toks[open - 3]) || !/^[A-Z]/.test(toks[open - 3].v)) return undefined;
  if (held >= 0) c.read?.push({ start: toks[held].start, end: toks[close].end });
  const cls = toks[open - 3].v;
  const obj = evaluate(c, from, to)?.obj;
  if (obj?.kind !== 'instance') return undefined;
  const sub = obj.scope;
  const found = methodOf(sub, cls, toks[m].v);
  if (!found) return undefined;
  const { s, f } = found;
  if (f.bodyEnd >= s.toks.length) return undefined;
  const k = lastStatement(s, f.body, f.bodyEnd);
  if (k < 0 || !isP(s.toks[k], '{') || !(s.match[k] > k)) return undefined;
  const out: Found = { parts: [], messages: 0 };
  const sc: Ctx = { ...s };
  frames.push({ sub, cls });
  try {
    walkKeys(sc, out, k + 1, s.match[k]);
  } finally {
    frames.pop();
  }
  if (!out.model) return undefined;
  const here: Span = { start: toks[a].start, end: toks[e - 1].end };
  return { found: placed(out, s.file, c.file, here, `${cls}#${toks[m].v}`), start: a, end: e };
}

/** Ruby's lookup of a bare name while an inherited method is read for an object: the object's class's own method. */
export function rubyOwnOverride(s: EvalScope, name: string, depth: number): Value | undefined {
  const top = frames[frames.length - 1];
  if (!top || top.sub === s || s.syn.id !== 'ruby') return undefined;
  const at = classAt(top.sub, top.cls);
  if (at < 0 || !ownFn(top.sub, at, name)) return undefined;
  return helper(top.sub, name, Number.MAX_SAFE_INTEGER, depth + 1);
}

/** The object whose inherited method is being read (its class's file and name), while one is. */
export function rubyObjectRead(): { sub: EvalScope; cls: string } | undefined {
  return frames[frames.length - 1];
}

/** The method `name` of `cls` (in its file), else of its parent classes (in theirs). */
function methodOf(s: EvalScope, cls: string, name: string): { s: EvalScope; f: Fn } | undefined {
  return inClassOrParents(s, cls, (cs, at) => {
    const f = ownFn(cs, at, name);
    return f && { s: cs, f };
  });
}

/** `find` on `cls` (its file's scope and the class's token), else on its parent classes in turn (MAX_ANCESTORS), each
 * class head followed recorded as read. */
export function inClassOrParents<T>(s: EvalScope, cls: string, find: (s: EvalScope, at: number) => T | undefined): T | undefined {
  for (let hop = 0; hop <= MAX_ANCESTORS; hop++) {
    const at = classAt(s, cls);
    if (at < 0) return undefined;
    const v = find(s, at);
    if (v) return v;
    const head = rubyClassHead(s, at + 1);
    if (!head) return undefined;
    s.read?.push({ start: s.toks[head.at].start, end: s.toks[head.end].end });
    const next = parentScope(s, head.end);
    if (!next) return undefined;
    [s, cls] = [next, head.parent];
  }
  return undefined;
}

/** The file of the parent class whose last name is token `end` (`Prompts::Base`): as Rails autoloads it
 * (app/models/prompts/base.rb), else a file declaring a class of that name. */
export function parentScope(s: EvalScope, end: number): EvalScope | undefined {
  const { toks } = s;
  const path = [toks[end].v];
  for (let k = end; isP(toks[k - 1], '::') && isId(toks[k - 2]); k -= 2) path.unshift(toks[k - 2].v);
  const idx = s.index;
  for (const f of idx ? railsAutoloadCandidates(idx.files, s.file, path) : []) {
    const sc = f === s.file ? undefined : idx!.scope(f);
    if (sc && tables(sc).classes.has(path[path.length - 1])) return sc;
  }
  return classScopes(s, path[path.length - 1]).next().value ?? undefined;
}

/** The def of `name` inside the class whose name is token `at`. */
function ownFn(s: EvalScope, at: number, name: string): Fn | undefined {
  return tables(s).fns.get(name)?.find((x) => x.name > at && classOf(s, x.name) === at);
}

/** The token of the class name the def at token `k` sits in (the nearest `class X` before it). */
export function classOf(s: EvalScope, k: number): number {
  for (let j = k; j >= 0; j--) if (s.toks[j].t === T.Id && s.toks[j].v === 'class' && isId(s.toks[j + 1]) && !isP(s.toks[j - 1], '.')) return j + 1 + nameTail(s, j + 1);
  return -1;
}

/** Tokens after `A` in `A::B::C` to its last name. */
function nameTail(s: EvalScope, j: number): number {
  let n = 0;
  while (isP(s.toks[j + n + 1], '::') && isId(s.toks[j + n + 2])) n += 2;
  return n;
}

/** The token of `class cls`'s name (its last name: `class Prompts::Base`), or -1. */
export function classAt(s: EvalScope, cls: string): number {
  const { toks } = s;
  for (let k = 0; k + 1 < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== 'class' || isP(toks[k - 1], '.')) continue;
    const last = k + 1 + nameTail(s, k + 1);
    if (toks[last]?.v === cls) return last;
  }
  return -1;
}

/**
 * `messages: messages` with `def messages; [{ role: "system", content: system_message }, …]; end` (the object's method,
 * its subclass's first while an inherited method is read): the list its last expression writes, read in its file.
 * False when the name is no method of the file (or the object's class) whose value is a list literal.
 */
export function rubyMethodList(c: Ctx, name: string, k: number, at: Span, out: PromptPart[], depth: number, collect: (c: Ctx, from: number, to: number, out: PromptPart[], depth: number) => void): boolean {
  if (c.syn.id !== 'ruby' || isP(c.toks[k - 1], '.') || isP(c.toks[k + 1], '(')) return false;
  const top = frames[frames.length - 1];
  const clsAt = top && top.sub !== c ? classAt(top.sub, top.cls) : -1;
  const over = clsAt >= 0 ? ownFn(top!.sub, clsAt, name) : undefined;
  const s: EvalScope = over ? top!.sub : c;
  const f = over ?? tables(c).fns.get(name)?.at(-1);
  // A body the text leaves open (a first-screen cut) gives no list here.
  if (!f || f.expr || f.bodyEnd >= s.toks.length) return false;
  const open = lastStatement(s, f.body, f.bodyEnd);
  if (open < 0 || !isP(s.toks[open], '[') || !(s.match[open] > open)) return false;
  if (s === c && c.toks[f.name].start >= at.start) c.forward?.add(name);
  s.read?.push({ start: s.toks[f.name].start, end: s.toks[f.bodyEnd - 1]?.end ?? s.text.length });
  const cc: Ctx = s === c ? c : { ...s };
  const parts: PromptPart[] = [];
  collect(cc, open + 1, s.match[open], parts, depth + 1);
  const file = s.file;
  pushParts(out, parts.map((p) => (p.resolved ? { ...p, span: at, source: p.source ? { ...p.source, file: p.source.file ?? file } : { file, offset: p.span.start, what: `returned by ${name}` } } : { ...p, span: at })));
  return true;
}

// A Ruby reader its parent class declares and sets from its `initialize`: `class Base; attr_reader :config; def
// initialize(config) @config = config end end` and `class Anthropic < Base; def initialize(config) super; … end; def
// chat … config[:model] …` (procload/ai-dnd-rails app/services/llm/providers). A bare `super` passes the method's own
// arguments on (Ruby docs, "Methods": "When called without arguments super uses the arguments given to the method"),
// so `config` is what the subclass's `initialize` gets in that place: read from its callers (`Anthropic.new(config)`,
// a factory's `provider_class.new(config)`, ruby-callers.ts), never from the parent's (which may make another class).
import { T } from '../lex/lexer';
import { closedBefore } from './ruby-callers';
import { isId, isP } from '../lex/brackets';
import { tables } from './scope';
import { classScopes } from './class-files';
import { paramsOf } from './param-places';
import { paramFromFileCallers } from './file-callers';
import { rubyReaders } from './ruby-attrs';
import type { Fn } from './function-forms';
import type { EvalScope, Value } from './value';

/** The value of `name` (a bare reader's, or `@name`) at token i of a subclass whose parent sets it from its initialize. */
export function parentReader(s: EvalScope, name: string, i: number, depth: number): Value | undefined {
  const { toks } = s;
  if (s.syn.id !== 'ruby' || !s.index) return undefined;
  const ivar = name.startsWith('@');
  const bare = ivar ? name.slice(1) : name;
  const head = rubyClassHead(s, i);
  if (!head) return undefined;
  const own = ownInitialize(s, head.at, i);
  if (!own) return undefined;
  s.readNames?.add(head.parent);
  for (const p of classScopes(s, head.parent)) {
    if (!ivar && !rubyReaders(p.toks, p.text).has(bare)) continue;
    const n = setFromParam(p, bare);
    if (n === undefined) continue;
    const param = [...paramsOf(s)].find(([, x]) => x.fn === own && x.pos === n && x.key === undefined && !x.loose)?.[0];
    return param === undefined ? undefined : paramFromFileCallers(s, param, depth);
  }
  return undefined;
}

/** The `class X < Parent` line of the class holding token i: its `class` token, the parent's name (the last constant of
 * `A::B`) and that name's token. */
export function rubyClassHead(s: EvalScope, i: number): { at: number; parent: string; end: number } | undefined {
  const k = openClass(s, i);
  const { toks } = s;
  if (k < 0) return undefined;
  let j = k + 1;
  while (isId(toks[j]) && isP(toks[j + 1], '::')) j += 2;
  if (!isId(toks[j]) || !isP(toks[j + 1], '<')) return undefined;
  j += 2;
  while (isId(toks[j]) && isP(toks[j + 1], '::')) j += 2;
  return isId(toks[j]) && /^[A-Z]/.test(toks[j].v) ? { at: k, parent: toks[j].v, end: j } : undefined;
}

/** The `class` token of the class body holding token i (one closed before i, a nested class, is passed over). */
function openClass(s: EvalScope, i: number): number {
  const { toks } = s;
  for (let k = Math.min(i, toks.length - 1); k >= 0; k--) {
    if (toks[k].t !== T.Id || toks[k].v !== 'class' || isP(toks[k - 1], '.') || isP(toks[k + 1], '<<')) continue;
    if (!closedBefore(s, toks[k].start, toks[i].start)) return k;
  }
  return -1;
}

/** The class's own `def initialize(…)` after its `class` token, when its body passes its arguments on with a bare
 * `super`; its span is read (an edit there changes what reaches the parent). */
function ownInitialize(s: EvalScope, cls: number, i: number): Fn | undefined {
  const { toks } = s;
  const f = tables(s).fns.get('initialize')?.find((x) => x.name > cls && openClass(s, x.name) === cls);
  if (!f) return undefined;
  s.read?.push({ start: toks[cls].start, end: toks[Math.min(f.bodyEnd, toks.length - 1)].end });
  if (f.name > i) s.forward?.add('initialize');
  for (let k = f.body; k < f.bodyEnd; k++) {
    if (toks[k].v !== 'super' || toks[k].t !== T.Id || isP(toks[k - 1], '.')) continue;
    // `super(a, b)` or `super()` passes other arguments: not followed here.
    return isP(toks[k + 1], '(') && s.text[toks[k].end] === '(' ? undefined : f;
  }
  return undefined;
}

/** The place among the parent's `initialize` parameters of the one `@name = param` sets, positional only. */
function setFromParam(p: EvalScope, name: string): number | undefined {
  const { toks } = p;
  const f = tables(p).fns.get('initialize')?.[0];
  if (!f) return undefined;
  for (let k = f.body; k + 2 < f.bodyEnd; k++) {
    if (toks[k].v !== '@' + name || !isP(toks[k + 1], '=') || !isId(toks[k + 2])) continue;
    const [, x] = [...paramsOf(p)].find(([t, x]) => x.fn === f && toks[t].v === toks[k + 2].v) ?? [];
    return x && x.key === undefined && !x.loose ? x.pos : undefined;
  }
  return undefined;
}

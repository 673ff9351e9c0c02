// Ruby `prompt = Utils::Prompt.itinerary_text(@destination, @start_date, @end_date)` with `module Utils; class Prompt;
// def self.itinerary_text(destination, start_date, end_date) "Im traveling to #{destination} …" end` in
// lib/utils/prompt_util.rb, `require'./lib/utils/prompt_util'` (eduardowanderleyde/travel-planner-with-AI lib/travel.rb):
// a class method of an app's class returns its last expression (https://docs.ruby-lang.org/en/3.3/syntax/methods_rdoc.html#label-Return+Values),
// read with the call's arguments bound to its parameters (arg-frames.ts). Before, the prompt was unknown.
import { isId, isP } from '../lex/brackets';
import { rubyEnd } from './body-ends';
import { classScopes } from './imported';
import { railsAutoloadCandidates } from '../resolve/classes';
import { fnValue } from './fn-values';
import { tables, type Fn } from './scope';
import { withArgs, type CallArgs } from './arg-frames';
import type { EvalScope, Value } from './value';

/** Other files looked in for the class, at most. */
const MAX_FILES = 8;

/** `Cls.m(…)` / `Mod::Cls.m(…)` (names ending [Cls, m]): what the class method `def self.m` (or `class << self`) returns. */
export function rubyClassMethod(s: EvalScope, names: string[], fn: string, depth: number, given: CallArgs): Value | undefined {
  const mods = names.slice(0, -1);
  if (s.syn.id !== 'ruby' || !mods.length || !mods.every((m) => /^[A-Z]/.test(m))) return undefined;
  const cls = mods[mods.length - 1];
  // A prefix of the file that cuts the class or its method (below the call) leaves the call to the full analysis.
  s.forward?.add(cls);
  s.forward?.add(fn);
  if (fn === 'new') return newInstance(s, mods, cls, given);
  if (tables(s).classes.has(cls)) {
    const f = classMethodIn(s, cls, fn);
    if (!f) return undefined;
    s.read?.push({ start: s.toks[f.name].start, end: s.toks[f.bodyEnd - 1]?.end ?? s.text.length });
    return withArgs(s, f, given, () => fnValue(s, f, fn, depth));
  }
  const idx = s.index;
  if (!idx) return undefined;
  // Its file as Rails autoloads it (app/*/prompts/travel.rb for Prompts::Travel), else as a class of the last name.
  const seen = new Set<string>([s.file]);
  const scopes: EvalScope[] = [];
  for (const f of railsAutoloadCandidates(idx.files, s.file, mods)) {
    const sc = seen.has(f) ? undefined : idx.scope(f);
    seen.add(f);
    if (sc) scopes.push(sc);
  }
  for (const sc of scopes.length ? scopes : classScopes(s, cls)) {
    if (seen.size > MAX_FILES) break;
    seen.add(sc.file);
    const f = classMethodIn(sc, cls, fn);
    if (f) return withArgs(sc, f, given, () => fnValue(sc, f, fn, depth));
  }
  return undefined;
}

/**
 * `Cls.new(…)` of an app's class (`PromptGenerator.new(failures: f).generate`, held41 C20 seano-zipline/test-triage
 * app/controllers/failures_controller.rb over app/services/prompt_generator.rb): an instance, whose methods are read
 * in the class's file (members.ts reads `obj.m` as the method `def m`).
 */
function newInstance(s: EvalScope, mods: string[], cls: string, given: CallArgs): Value | undefined {
  const args = given.list.length ? { args: true as const } : {};
  if (tables(s).classes.has(cls)) return { obj: { kind: 'instance', scope: s, ...args } };
  const idx = s.index;
  if (!idx) return undefined;
  const seen = new Set<string>([s.file]);
  for (const f of railsAutoloadCandidates(idx.files, s.file, mods)) {
    if (seen.size > MAX_FILES) break;
    const sc = seen.has(f) ? undefined : idx.scope(f);
    seen.add(f);
    if (sc && tables(sc).classes.has(cls)) return { obj: { kind: 'instance', scope: sc, ...args } };
  }
  for (const sc of classScopes(s, cls)) {
    if (seen.size > MAX_FILES) break;
    seen.add(sc.file);
    if (tables(sc).classes.has(cls)) return { obj: { kind: 'instance', scope: sc, ...args } };
  }
  return undefined;
}

/** The method `fn` a `class` / `module` named `cls` of this file defines on itself: `def self.fn`, or in `class << self`. */
function classMethodIn(s: EvalScope, cls: string, fn: string): Fn | undefined {
  const list = tables(s).fns.get(fn);
  if (!list) return undefined;
  const { toks } = s;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!isId(toks[i]) || (toks[i].v !== 'class' && toks[i].v !== 'module') || toks[i + 1].v !== cls || isP(toks[i - 1], '.')) continue;
    const end = rubyEnd(s.text, toks, i + 2);
    const f = list.find((x) => x.name > i && x.name < end && onSelf(s, x.name));
    if (f) return f;
  }
  return undefined;
}

/** The `def` before the method's name at token `at` is `def self.` (or the method sits in a `class << self` block). */
function onSelf(s: EvalScope, at: number): boolean {
  const { toks } = s;
  if (toks[at - 1]?.v === '.' && toks[at - 2]?.v === 'self' && toks[at - 3]?.v === 'def') return true;
  if (toks[at - 1]?.v !== 'def') return false;
  // `class << self … def call(…)`: the nearest open `class <<` before it.
  for (let k = at - 2, n = 0; k >= 0 && n < MAX_BACK; k--, n++) {
    if (toks[k].v === 'class' && isId(toks[k]) && isP(toks[k + 1], '<<') && toks[k + 2]?.v === 'self') return rubyEnd(s.text, toks, k + 3) > at;
    if (toks[k].v === 'class' && isId(toks[k]) && isId(toks[k + 1])) return false;
  }
  return false;
}

/** Tokens walked back from a method to a `class << self`. */
const MAX_BACK = 4000;

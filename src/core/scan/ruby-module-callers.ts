// Callers of a Ruby module's instance method: the classes that `include` the module call it bare. A Rails controller
// concern `module GptRequestable; def send_gpt_request(system_message, user_message, model, temperature) … client.chat(
// parameters: { model: model, … })` is included by GptController, whose action calls `send_gpt_request(system_message,
// user_message, model, temperature)` after `model ||= params[:model] || "gpt-3.5-turbo"`
// (TimothyAlexisVass/openai-book-generator app/controllers/concerns/gpt_requestable.rb, gpt_controller.rb). An
// included module's methods are the including class's own and its subclasses' (https://docs.ruby-lang.org/en/3.3/Module.html#method-i-include),
// private ones too, so the callers are the bare calls (and `self.m(…)`) in the project's files of the classes and
// modules that include it, of theirs, and of their subclasses (`class BooksController < ApplicationController` when
// ApplicationController includes it). A class that defines a method of the same name calls its own. A call written
// without parentheses, or more such files than are read: the callers are not all known.
import { T } from '../lex/lexer';
import { isId, isP } from '../lex/brackets';
import { dirname } from '../resolve/files';
import { mentions, projectRoot, rubyFiles } from './ruby-merge-callers';
import { closedBefore } from './ruby-callers';
import type { EvalScope } from './value';

/** Files of including classes (and their subclasses) read at most. */
const MAX_FILES = 24;
/** Steps of include / subclass followed from the module. */
const MAX_STEPS = 4;

/**
 * The calls of the module method whose name is token `at` in the classes that include its module, each as its file's
 * scope and the token of the method's name; null when the method is not a module's instance method (its `def` in
 * `module M`, not in a class); undefined when a file that includes it calls it in a way not read or there are too
 * many such files.
 */
export function rubyIncluderCalls(s: EvalScope, at: number): { sc: EvalScope; k: number }[] | undefined | null {
  const { toks } = s;
  const idx = s.index;
  if (s.syn.id !== 'ruby' || !idx?.files.folders || toks[at - 1]?.v !== 'def') return null;
  const owner = ownerOf(s, at);
  if (owner?.kind !== 'module') return null;
  const root = projectRoot(idx.files, dirname(s.file));
  if (root === undefined) return null;
  const method = toks[at].v;
  const files = idx.memo(root, `ruby.includers ${owner.name}`, () => includers(s, root, owner.name));
  if (!files) return undefined;
  const out: { sc: EvalScope; k: number }[] = [];
  for (const f of files) {
    const sc = f === s.file || !idx.text(f)?.includes(method) ? undefined : idx.scope(f);
    if (!sc) continue;
    const calls = bareCalls(sc, method);
    if (!calls) return undefined;
    for (const k of calls) out.push({ sc, k });
  }
  return out;
}

/** The files whose classes or modules include the module `name`, directly or through another, and of their
 * subclasses; undefined when more than MAX_FILES. */
function includers(s: EvalScope, root: string, name: string): string[] | undefined {
  const idx = s.index!;
  const all = idx.memo(root, 'ruby-files', () => rubyFiles(idx.files, root)).filter((f) => !/(^|\/)(spec|test)\//.test(f.slice(root.length)));
  let names = [name];
  const done = new Set(names);
  const out: string[] = [];
  for (let step = 0; step < MAX_STEPS && names.length; step++) {
    const next: string[] = [];
    for (const f of all) {
      const text = idx.text(f) ?? '';
      const sc = names.some((n) => mentions(text, n)) ? idx.scope(f) : undefined;
      const got = sc ? using(sc, names) : [];
      if (got.length && !out.includes(f)) out.push(f);
      if (out.length > MAX_FILES) return undefined;
      for (const n of got.filter((x) => !done.has(x))) {
        done.add(n);
        next.push(n);
      }
    }
    names = next;
  }
  return out;
}

/** The classes and modules of the file that `include` one of `names` (`include A, Ns::Name`) or derive from one
 * (`class X < Ns::Name`). */
function using(s: EvalScope, names: string[]): string[] {
  const { toks } = s;
  const out: string[] = [];
  const add = (name: string | undefined) => name !== undefined && !out.includes(name) && out.push(name);
  // The constant path from toks[j] (`Ns::Name`): one of `names` at its end, and the index after it.
  const named = (j: number): [boolean, number] => {
    while (isId(toks[j]) && isP(toks[j + 1], '::') && isId(toks[j + 2])) j += 2;
    return [isId(toks[j]) && names.includes(toks[j].v), j + 1];
  };
  for (let k = 1; k < toks.length; k++) {
    if (toks[k].t === T.Id && toks[k].v === 'include' && !isP(toks[k - 1], '.')) {
      for (let j = k + 1; ; ) {
        const [hit, after] = named(j);
        if (hit) add(ownerOf(s, k)?.name);
        if (!isP(toks[after], ',')) break;
        j = after + 1;
      }
    } else if (isP(toks[k], '<') && toks[k - 2]?.v === 'class' && isId(toks[k - 1]) && named(k + 1)[0]) add(toks[k - 1].v);
  }
  return out;
}

/** Token indexes of the bare `method(…)` and `self.method(…)` calls of a file; [] when the file defines the method
 * itself; undefined when one is written without parentheses. */
function bareCalls(s: EvalScope, method: string): number[] | undefined {
  const { toks, match } = s;
  const out: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].t !== T.Id || toks[k].v !== method) continue;
    const prev = toks[k - 1];
    if (prev?.v === 'def') return [];
    // `other.method(…)` is another object's; a symbol `:method` or a key `method:` names it.
    if (isP(prev, '.') && !(toks[k - 2]?.v === 'self' && !isP(toks[k - 3], '.'))) continue;
    if ((isP(prev, ':') && prev.end === toks[k].start) || isP(prev, '::') || isP(toks[k + 1], ':')) continue;
    if (!isP(toks[k + 1], '(') || toks[k + 1].start !== toks[k].end || !(match[k + 1] > k + 1)) return undefined;
    out.push(k);
  }
  return out;
}

/** The class or module the token at `at` is written in (the last constant of `module A::B`); undefined in none or
 * in a `class << self` / `class_methods do` block. */
function ownerOf(s: EvalScope, at: number): { name: string; kind: 'class' | 'module' } | undefined {
  const { toks } = s;
  for (let k = at - 1; k >= 0; k--) {
    const w = toks[k].v;
    if (toks[k].t !== T.Id || isP(toks[k - 1], '.') || (w !== 'class' && w !== 'module' && w !== 'class_methods')) continue;
    // A block closed before the token (its `end` at the indentation of its first line).
    if (closedBefore(s, toks[k].start, toks[at].start)) continue;
    if (w === 'class_methods' || isP(toks[k + 1], '<<')) return undefined;
    let j = k + 1;
    while (isP(toks[j + 1], '::') && isId(toks[j + 2])) j += 2;
    return isId(toks[j]) ? { name: toks[j].v, kind: w } : undefined;
  }
  return undefined;
}
